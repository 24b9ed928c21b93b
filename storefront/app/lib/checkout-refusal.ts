/**
 * A checkout the backend refused (409 `code`, the plugin's
 * utils/checkout-refusal.ts), as the checkout form shows it. Shared by the
 * action (server) and the page (browser): no server imports here.
 */
import type { CycleView } from "./commerce"
import type { MessageKey } from "./i18n"

/** Why the backend did not place the order (409 `code`, the plugin's utils/checkout-refusal.ts). */
export const REFUSAL_CODES = [
  "cutoff_passed",
  "batch_closed",
  "point_full",
  "cycle_canceled",
  "no_cycle",
  "point_inactive",
  "out_of_stock",
  "busy",
] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

/**
 * A refusal the resident can act on, for the form: what happened (`code`),
 * the next cycle open at the same point (cycle refusals; null when none), and
 * the product that ran short (out_of_stock). Nothing was placed or charged.
 */
export type CheckoutRefusal = {
  code: RefusalCode
  nextCycle: CycleView | null
  product: { title: string; variantTitle: string | null; requested: number; available: number } | null
}

/** The form message of a refusal (out of stock names the product: "checkout.refused.sold_out" when none is left). */
export function refusalMessage(refusal: CheckoutRefusal): MessageKey {
  if (refusal.code === "out_of_stock" && refusal.product && refusal.product.available <= 0) return "checkout.refused.sold_out"
  return `checkout.refused.${refusal.code}`
}

/** The values of a refusal's message ({product}, {available}). */
export function refusalParams(refusal: CheckoutRefusal | undefined): Record<string, string> {
  const p = refusal?.product
  if (!p) return {}
  return { product: p.variantTitle ? `${p.title} ${p.variantTitle}` : p.title, available: String(p.available) }
}

