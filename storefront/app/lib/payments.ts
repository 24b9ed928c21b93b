import type { MessageKey } from "./i18n"

/**
 * How a resident can pay, and which Medusa payment provider each method is
 * (backend/src/config/medusa.ts; docs/payments.md). Pay at pickup is always
 * first and the default; online methods appear only when the backend offers
 * them in the cart's region.
 */
export const PAYMENT_METHODS = ["pickup", "wechat_pay", "alipay", "card"] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export type OnlineMethod = Exclude<PaymentMethod, "pickup">

export const PROVIDER_OF: Record<PaymentMethod, string> = {
  pickup: "pp_system_default",
  wechat_pay: "pp_stripe-wechatpay_stripe",
  alipay: "pp_stripe-alipay_stripe",
  card: "pp_stripe_stripe",
}

export function methodOfProvider(providerId: string | null | undefined): PaymentMethod | null {
  return PAYMENT_METHODS.find((m) => PROVIDER_OF[m] === providerId) ?? null
}

/** The methods to offer, in our order, given the provider ids the region has. */
export function offeredMethods(providerIds: readonly string[]): PaymentMethod[] {
  const available = new Set(providerIds)
  return PAYMENT_METHODS.filter((m) => m === "pickup" || available.has(PROVIDER_OF[m]))
}

export const METHOD_LABEL: Record<PaymentMethod, MessageKey> = {
  pickup: "payment.method.pickup",
  wechat_pay: "payment.method.wechat_pay",
  alipay: "payment.method.alipay",
  card: "payment.method.card",
}

export const METHOD_HINT: Record<PaymentMethod, MessageKey> = {
  pickup: "payment.hint.pickup",
  wechat_pay: "payment.hint.wechat_pay",
  alipay: "payment.hint.alipay",
  card: "payment.hint.card",
}
