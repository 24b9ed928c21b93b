import { E2E } from "@lianxin/seed/e2e-fixtures"
import { type APIRequestContext, expect, test } from "@playwright/test"
import type { z } from "zod"
import {
  availabilitySchema,
  categoriesSchema,
  checkoutAnswerSchema,
  counterPickupAnswerSchema,
  harvestManifestSchema,
  householdCounterSchema,
  householdsSchema,
  issuedCodeSchema,
  listingsSchema,
  orderCyclesSchema,
  orderPickupAnswerSchema,
  ownOrderAnswerSchema,
  pickupManifestSchema,
  pickupPointAnswerSchema,
  pickupPointsSchema,
  todaySchema,
  uncollectedSchema,
  villagesSchema,
} from "../../storefront/app/lib/contract"

/**
 * The contract between plugin and storefront (decision 021), on the real
 * stack: every main route's answer goes through the parser the storefront
 * uses for it. A field renamed, dropped or retyped on either side fails here
 * with the route and the field's path. Only reads and one guest order, placed
 * at the second compound (E2E.pickupB), whose counts no journey checks.
 */

const backend = () => process.env.BACKEND_URL!

async function answer<S extends z.ZodType>(
  api: APIRequestContext,
  route: string,
  schema: S,
  init: { method?: "GET" | "POST"; headers?: Record<string, string>; data?: unknown } = {}
): Promise<z.infer<S>> {
  const response =
    init.method === "POST"
      ? await api.post(`${backend()}${route}`, { headers: init.headers, data: init.data ?? {} })
      : await api.get(`${backend()}${route}`, { headers: init.headers })
  expect(response.status(), `${route}: ${await response.text()}`).toBeLessThan(300)
  const parsed = schema.safeParse(await response.json())
  expect(parsed.error?.issues ?? [], `${route} drifted from the contract`).toEqual([])
  return parsed.data as z.infer<S>
}

async function staffHeaders(api: APIRequestContext, who: { email: string; password: string }) {
  const login = await api.post(`${backend()}/auth/pickup_staff/emailpass`, {
    data: { email: who.email, password: who.password },
  })
  expect(login.status()).toBe(200)
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` }
}

test("the storefront's parsers read the backend's answers of the main routes", async ({ request: api }) => {
  const store = { "x-publishable-api-key": process.env.PUBLISHABLE_KEY! }

  // Pickup points, cycles, availability.
  const { pickup_points } = await answer(
    api,
    `/store/pickup-points?q=${encodeURIComponent(E2E.pickupB.office.compoundName)}`,
    pickupPointsSchema,
    { headers: store }
  )
  const point = pickup_points.find((p) => p.office.compound_name === E2E.pickupB.office.compoundName)!
  expect(point).toBeDefined()
  await answer(api, `/store/pickup-points/${point.id}`, pickupPointAnswerSchema, { headers: store })
  const { order_cycles } = await answer(api, `/store/pickup-points/${point.id}/cycles`, orderCyclesSchema, {
    headers: store,
  })
  expect(order_cycles.length).toBeGreaterThan(0)
  await answer(api, `/store/pickup-points/${point.id}/availability`, availabilitySchema, { headers: store })

  // Checkout as a guest: cart, one apple, the one-request checkout.
  const regions = (await (await api.get(`${backend()}/store/regions`, { headers: store })).json()) as {
    regions: Array<{ id: string }>
  }
  const products = (await (
    await api.get(`${backend()}/store/products?handle=${E2E.products.apple.handle}&fields=id,variants.id`, {
      headers: store,
    })
  ).json()) as {
    products: Array<{ variants: Array<{ id: string }> }>
  }
  const created = await api.post(`${backend()}/store/carts`, {
    headers: store,
    data: { region_id: regions.regions[0]!.id },
  })
  const cartId = ((await created.json()) as { cart: { id: string } }).cart.id
  const added = await api.post(`${backend()}/store/carts/${cartId}/line-items`, {
    headers: store,
    data: { variant_id: products.products[0]!.variants[0]!.id, quantity: 1 },
  })
  expect(added.status()).toBe(200)
  const placed = await answer(api, "/store/lianxin/checkout", checkoutAnswerSchema, {
    method: "POST",
    headers: store,
    data: {
      cart_id: cartId,
      pickup_point_id: point.id,
      order_cycle_id: order_cycles[0]!.id,
      name: "合约测试",
      phone: "13800138099",
      complete: true,
    },
  })
  expect(placed.type).toBe("order")
  const orderId = placed.type === "order" ? placed.order.id : ""
  expect(orderId).toMatch(/^order_/)

  // The order and its pickup, read as the guest who placed it (the cart is the proof).
  const { order } = await answer(api, `/store/lianxin/orders/${orderId}?cart_id=${cartId}`, ownOrderAnswerSchema, {
    headers: store,
  })
  expect(order.items.map((i) => i.quantity)).toEqual([1])
  const { pickup } = await answer(api, `/store/pickup-orders/${orderId}?cart_id=${cartId}`, orderPickupAnswerSchema, {
    headers: store,
  })
  expect(pickup.pickup_point.id).toBe(point.id)
  const { pickup_code } = await answer(api, `/store/pickup-orders/${orderId}/code`, issuedCodeSchema, {
    method: "POST",
    headers: store,
    data: { cart_id: cartId },
  })

  // The counter: staff B's day, the batch's lists, finding the order by its code (nothing is handed over here).
  const staff = await staffHeaders(api, E2E.pickupB.staff)
  const today = await answer(api, `/pickup-staff/points/${point.id}/today`, todaySchema, { headers: staff })
  expect(today.batches.length).toBeGreaterThan(0)
  const batchId = today.batches[0]!.batch.id
  await answer(api, `/pickup-staff/batches/${batchId}/manifest?kind=pickup&format=json`, pickupManifestSchema, {
    headers: staff,
  })
  await answer(api, `/pickup-staff/batches/${batchId}/manifest?kind=harvest&format=json`, harvestManifestSchema, {
    headers: staff,
  })
  const found = await answer(api, `/pickup-staff/points/${point.id}/verify`, counterPickupAnswerSchema, {
    method: "POST",
    headers: staff,
    data: { code: pickup_code.code },
  })
  expect(found.pickup.order_id).toBe(orderId)
  await answer(api, `/pickup-staff/assignments/${found.pickup.id}`, counterPickupAnswerSchema, { headers: staff })
  await answer(api, `/pickup-staff/points/${point.id}/uncollected?limit=100`, uncollectedSchema, { headers: staff })

  // The office's farmers (staff A registered one): households, their counter view, villages, categories, listings.
  const staffA = await staffHeaders(api, E2E.pickup.staff)
  const { households } = await answer(api, "/pickup-staff/households?limit=50", householdsSchema, { headers: staffA })
  const household = households.find((h) => h.code === E2E.pickup.households[0])!
  expect(household).toBeDefined()
  await answer(api, `/pickup-staff/households/${household.id}/counter`, householdCounterSchema, { headers: staffA })
  await answer(api, "/pickup-staff/villages", villagesSchema, { headers: staffA })
  await answer(api, "/pickup-staff/categories", categoriesSchema, { headers: staffA })
  await answer(api, "/pickup-staff/listings?limit=50", listingsSchema, { headers: staffA })
})
