import type { AxiosInstance } from "axios"

export type Headers = Record<string, string>

/** Logs a pickup_staff member in the way the staff app will: POST /auth/pickup_staff/emailpass → bearer token. */
export async function loginPickupStaff(api: AxiosInstance, email: string, password: string): Promise<Headers> {
  const { data } = await api.post("/auth/pickup_staff/emailpass", { email, password })
  if (!data?.token) throw new Error(`pickup staff ${email} could not log in`)
  return { authorization: `Bearer ${data.token}` }
}

/** A resident with an account: register, create the customer, log in. */
export async function createResident(
  api: AxiosInstance,
  publishableKey: string,
  email: string,
  password = "resident-pass-123"
) {
  const key = { "x-publishable-api-key": publishableKey }
  const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post(
    "/store/customers",
    { email, first_name: "小明", last_name: "王" },
    { headers: { ...key, authorization: `Bearer ${reg.token}` } }
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
  return { email, headers: { ...key, authorization: `Bearer ${login.token}` } as Headers }
}

export type CheckoutResult =
  | {
      type: "order"
      order: {
        id: string
        total: number
        items: Array<{ id: string; variant_id: string; quantity: number; total: number }>
      }
      cart_id: string
    }
  | {
      type: "cart"
      /** A refusal (409, utils/checkout-refusal in the plugin) carries its code and the next open cycle. */
      error: {
        message: string
        status?: number
        code?: string
        next_order_cycle?: { id: string } | null
        product?: any
      }
      cart_id: string
    }

/**
 * A resident's checkout with a chosen pickup point and cycle: cart → lines →
 * address → pickup choice → pickup shipping option → pay at pickup → complete.
 * `beforeComplete` runs just before completion (to move a cutoff, say).
 */
export async function pickupCheckout(
  api: AxiosInstance,
  headers: Headers,
  lines: Array<{ variant_id: string; quantity: number }>,
  choice: { pickup_point_id: string; order_cycle_id: string },
  beforeComplete?: (cartId: string) => Promise<void>
): Promise<CheckoutResult> {
  const { data: regions } = await api.get("/store/regions", { headers })
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
  const { data: created } = await api.post("/store/carts", { region_id: region.id }, { headers })
  const cartId = created.cart.id as string
  for (const line of lines) await api.post(`/store/carts/${cartId}/line-items`, line, { headers })
  await api.post(
    `/store/carts/${cartId}`,
    {
      email: created.cart.email ?? "resident@example.com",
      shipping_address: {
        first_name: "小明",
        last_name: "王",
        phone: "13800138000",
        address_1: "幸福小区物业服务中心",
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
  await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  if (beforeComplete) await beforeComplete(cartId)
  // A refused completion comes back as an error response (4xx) or as { type: "cart", error }.
  const done = await attempt(api.post(`/store/carts/${cartId}/complete`, {}, { headers }))
  if (done.status >= 400) {
    const { message, code, next_order_cycle, product } = done.data ?? {}
    return {
      type: "cart",
      error: { message: String(message ?? ""), status: done.status, code, next_order_cycle, product },
      cart_id: cartId,
    }
  }
  return { ...done.data, cart_id: cartId }
}

/** A pickupCheckout that must place an order: throws with the refusal otherwise. */
export async function placePickupOrder(
  api: AxiosInstance,
  headers: Headers,
  lines: Array<{ variant_id: string; quantity: number }>,
  choice: { pickup_point_id: string; order_cycle_id: string }
): Promise<Extract<CheckoutResult, { type: "order" }>> {
  const r = await pickupCheckout(api, headers, lines, choice)
  if (r.type !== "order") throw new Error(`checkout failed: ${JSON.stringify(r)}`)
  return r
}

/** Status and body of a request that may fail, without throwing. */
export async function attempt(p: Promise<{ status: number; data: any }>): Promise<{ status: number; data: any }> {
  try {
    const r = await p
    return { status: r.status, data: r.data }
  } catch (e: any) {
    if (!e?.response) throw e
    return { status: e.response.status, data: e.response.data }
  }
}
