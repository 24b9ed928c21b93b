import type { AxiosInstance } from "axios"

/**
 * A resident's checkout through the store API, as the storefront does it:
 * cart → lines → contact and address → pickup point → pickup shipping option →
 * pay at pickup (Medusa's system provider) → complete. Returns the placed order.
 */
export async function placeOrder(
  api: AxiosInstance,
  publishableKey: string,
  lines: Array<{ variant_id: string; quantity: number }>,
  options: {
    email?: string
    phone?: string
    pickup_point_id?: string
    order_cycle_id?: string
    headers?: Record<string, string>
  } = {}
) {
  // A signed-in resident passes their authorization header; without it the checkout is a guest's.
  const headers = { "x-publishable-api-key": publishableKey, ...(options.headers ?? {}) }
  const { data: regions } = await api.get("/store/regions", { headers })
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "cny")
  const { data: created } = await api.post("/store/carts", { region_id: region.id }, { headers })
  const cartId = created.cart.id
  for (const line of lines) {
    await api.post(`/store/carts/${cartId}/line-items`, line, { headers })
  }
  await api.post(
    `/store/carts/${cartId}`,
    {
      email: options.email ?? "resident@example.com",
      shipping_address: {
        first_name: "小",
        last_name: "王",
        phone: options.phone ?? "13800138000",
        address_1: "幸福小区物业服务中心",
        city: "杭州",
        country_code: "cn",
      },
    },
    { headers }
  )
  // Where the resident collects: the given point, else the first active one.
  // The backend refuses every cart without a pickup point and cycle.
  const pointId =
    options.pickup_point_id ?? (await api.get("/store/pickup-points", { headers })).data.pickup_points[0]?.id
  if (!pointId) throw new Error("placeOrder: no active pickup point (seed a scenario with a pickup network first)")
  await api.post(
    `/store/carts/${cartId}/pickup`,
    { pickup_point_id: pointId, ...(options.order_cycle_id ? { order_cycle_id: options.order_cycle_id } : {}) },
    { headers }
  )
  const { data: options_ } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options_.shipping_options[0].id }, { headers })
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  const { data: done } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (done.type !== "order") {
    throw new Error(`checkout did not place an order: ${JSON.stringify(done.error ?? done)}`)
  }
  return { ...done.order, cart_id: cartId } as {
    id: string
    cart_id: string
    total: number
    items: Array<{ id: string; variant_id: string; total: number; quantity: number }>
  }
}

/** The product id of a product handle, read through the store API. */
export async function productIdByHandle(api: AxiosInstance, publishableKey: string, handle: string) {
  const { data } = await api.get(`/store/products?handle=${handle}&fields=id`, {
    headers: { "x-publishable-api-key": publishableKey },
  })
  const product = data.products[0]
  if (!product) throw new Error(`no product with handle ${handle}`)
  return product.id as string
}

/** The variant id of a product handle, read through the store API. */
export async function variantIdByHandle(api: AxiosInstance, publishableKey: string, handle: string) {
  const { data } = await api.get(`/store/products?handle=${handle}&fields=id,*variants`, {
    headers: { "x-publishable-api-key": publishableKey },
  })
  const variant = data.products[0]?.variants?.[0]
  if (!variant) throw new Error(`no product with handle ${handle}`)
  return variant.id as string
}
