import type { AxiosInstance } from "axios"
import type { Headers } from "./pickup-staff"

/** Medusa provider ids of our Stripe providers (backend/src/config/medusa.ts). */
export const PROVIDERS = {
  wechat: "pp_stripe-wechatpay_stripe",
  alipay: "pp_stripe-alipay_stripe",
  card: "pp_stripe_stripe",
  pickup: "pp_system_default",
} as const

/**
 * A resident's cart ready to pay, as the storefront prepares it: lines,
 * contact, pickup point and cycle, the pickup shipping method and a payment
 * collection. Returns the ids.
 */
export async function cartReadyToPay(
  api: AxiosInstance,
  headers: Headers,
  lines: Array<{ variant_id: string; quantity: number }>,
  choice: { pickup_point_id: string; order_cycle_id: string },
  email = "payer@example.com"
) {
  const { data: regions } = await api.get("/store/regions", { headers })
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
  const { data: created } = await api.post("/store/carts", { region_id: region.id }, { headers })
  const cartId = created.cart.id as string
  for (const line of lines) await api.post(`/store/carts/${cartId}/line-items`, line, { headers })
  await api.post(
    `/store/carts/${cartId}`,
    {
      email: created.cart.email ?? email,
      shipping_address: {
        first_name: "小红",
        last_name: "李",
        phone: "13900139000",
        address_1: "幸福小区",
        city: "杭州",
        country_code: "cn",
      },
    },
    { headers }
  )
  await api.post(`/store/carts/${cartId}/pickup`, choice, { headers })
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  return { cartId, collectionId: pc.payment_collection.id as string }
}

/** Chooses a payment method for the cart: a new payment session (the previous one is deleted by Medusa). */
export async function choosePayment(
  api: AxiosInstance,
  headers: Headers,
  collectionId: string,
  provider_id: string,
  data?: Record<string, unknown>
) {
  const { data: body } = await api.post(
    `/store/payment-collections/${collectionId}/payment-sessions`,
    { provider_id, ...(data ? { data } : {}) },
    { headers }
  )
  const session = body.payment_collection.payment_sessions.find((s: any) => s.provider_id === provider_id)
  return session as { id: string; status: string; provider_id: string; data: Record<string, any> }
}
