/**
 * Readable Chinese names of Medusa payment providers for Medusa Admin (the
 * dashboard prints provider ids as they are, e.g. "Pp_system_default").
 */
const LABELS: Record<string, string> = {
  pp_system_default: "到物业付款（柜台收款）",
  "pp_stripe-wechatpay_stripe": "微信支付（Stripe）",
  "pp_stripe-alipay_stripe": "支付宝（Stripe）",
  pp_stripe_stripe: "银行卡（Stripe）",
}

export function paymentProviderLabel(providerId: string | null | undefined): string {
  if (!providerId) return "未选择"
  return LABELS[providerId] ?? providerId
}

/** Whether the provider takes the money online (Stripe) rather than at the counter. */
export function isOnlineProvider(providerId: string | null | undefined): boolean {
  return !!providerId && providerId.startsWith("pp_stripe")
}
