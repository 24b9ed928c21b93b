import { describe, expect, it } from "vitest"
import { checkoutAction, isCutoffRefusal, loadCheckoutPage } from "./checkout.server"
import { createPickupApi } from "./pickup.server"
import { fakeStore, FakeHttpError, payload, testSessions, thrown } from "./testing/fake-store"

function checkoutShop(options: { complete?: () => unknown } = {}) {
  const { store, calls } = fakeStore({
    "GET /store/carts/:id": () => ({
      cart: { id: "cart_1", total: 25.6, items: [{ id: "cali_1", variant_id: "variant_a", product_title: "测试苹果", quantity: 2, unit_price: 12.8, total: 25.6 }] },
    }),
    "POST /store/carts/:id": () => ({ cart: { id: "cart_1" } }),
    "POST /store/carts/:id/customer": () => ({ cart: { id: "cart_1" } }),
    "GET /store/shipping-options": () => ({
      shipping_options: [
        { id: "so_home", name: "送货上门", service_zone: { fulfillment_set: { type: "shipping" } } },
        { id: "so_pickup", name: "到小区物业自提", service_zone: { fulfillment_set: { type: "pickup" } } },
      ],
    }),
    "POST /store/carts/:id/shipping-methods": () => ({ cart: { id: "cart_1" } }),
    "POST /store/payment-collections": () => ({ payment_collection: { id: "pay_col_1" } }),
    "POST /store/payment-collections/:id/payment-sessions": () => ({ payment_collection: { id: "pay_col_1" } }),
    "POST /store/carts/:id/complete": options.complete ?? (() => ({ type: "order", order: { id: "order_1" } })),
  })
  const browser = testSessions()
  return { store, calls, browser, pickup: createPickupApi(store) }
}

async function withCart(browser: ReturnType<typeof testSessions>, values: Record<string, unknown> = {}) {
  const session = await browser.session()
  session.set("cartId", "cart_1")
  session.set("cartCount", 2)
  for (const [k, v] of Object.entries(values)) session.set(k as never, v as never)
  await browser.sessions.commit(browser.request("/"), session)
}

describe("checkout action", () => {
  it("places a guest order: contact, the pickup option, pay at pickup, complete", async () => {
    const { store, calls, browser, pickup } = checkoutShop()
    await withCart(browser)
    const response = await thrown(checkoutAction(store, browser.sessions, pickup, browser.request("/checkout", { name: "王小明", mobile: "138 0013 8000" })))
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe("/orders/order_1")
    const writes = calls.filter((c) => c.method === "POST").map((c) => c.path)
    expect(writes).toEqual([
      "/store/carts/cart_1",
      "/store/carts/cart_1/shipping-methods",
      "/store/payment-collections",
      "/store/payment-collections/pay_col_1/payment-sessions",
      "/store/carts/cart_1/complete",
    ])
    expect(calls.find((c) => c.path === "/store/carts/cart_1" && c.method === "POST")!.init.body).toEqual({
      shipping_address: { first_name: "王小明", phone: "13800138000", address_1: "到小区物业自提", city: "", country_code: "cn" },
    })
    expect(calls.find((c) => c.path.endsWith("/shipping-methods"))!.init.body).toEqual({ option_id: "so_pickup" })
    expect(calls.find((c) => c.path.endsWith("/payment-sessions"))!.init.body).toEqual({ provider_id: "pp_system_default" })
    const session = await browser.session()
    expect(session.get("cartId")).toBeUndefined()
    expect(session.get("cartCount")).toBe(0)
    expect(session.get("orders")).toEqual(["order_1"])
  })

  it("gives a signed-in resident's cart to them and sends their token and email", async () => {
    const { store, calls, browser, pickup } = checkoutShop()
    await withCart(browser, { token: "jwt", customer: { email: "li@example.com", name: "李阿姨" } })
    await thrown(checkoutAction(store, browser.sessions, pickup, browser.request("/checkout", { name: "李阿姨", mobile: "13900139000" })))
    expect(calls.find((c) => c.path === "/store/carts/cart_1/customer")!.init.headers).toEqual({ authorization: "Bearer jwt" })
    expect((calls.find((c) => c.path === "/store/carts/cart_1" && c.method === "POST")!.init.body as { email: string }).email).toBe("li@example.com")
    expect(calls.filter((c) => c.method === "POST").every((c) => c.init.headers?.authorization === "Bearer jwt")).toBe(true)
  })

  it("sends bad input back to the fields without touching the cart", async () => {
    const { store, calls, browser, pickup } = checkoutShop()
    await withCart(browser)
    const result = await checkoutAction(store, browser.sessions, pickup, browser.request("/checkout", { name: "", mobile: "1380013800" }))
    expect(payload(result)).toMatchObject({ ok: false, errors: { name: "form.required", mobile: "form.mobile.invalid" }, values: { mobile: "1380013800" } })
    expect(calls).toEqual([])
  })

  it("answers 409 cutoff-passed when the pickup backend refuses a closed cycle", async () => {
    const { store, browser, pickup } = checkoutShop({
      complete: () => Promise.reject(new FakeHttpError(409, "The resident cutoff of cycle pcyc_1 has passed")),
    })
    await withCart(browser)
    const response = await thrown(checkoutAction(store, browser.sessions, pickup, browser.request("/checkout", { name: "王", mobile: "13800138000" })))
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({ reason: "cutoff-passed" })
    // The cart is kept: the resident can order again for the next cycle.
    expect((await browser.session()).get("cartId")).toBe("cart_1")
  })

  it("shows Medusa's reason when completion fails for something else", async () => {
    const { store, browser, pickup } = checkoutShop({ complete: () => ({ type: "cart", error: { message: "Payment authorization failed" } }) })
    await withCart(browser)
    const result = await checkoutAction(store, browser.sessions, pickup, browser.request("/checkout", { name: "王", mobile: "13800138000" }))
    expect(payload(result)).toMatchObject({ ok: false, errors: { form: "checkout.failed" }, reason: "Payment authorization failed" })
  })

  it("sends an empty cart back to the cart page", async () => {
    const { store, browser, pickup } = checkoutShop()
    const response = await thrown(loadCheckoutPage(store, browser.sessions, pickup, browser.request("/checkout")))
    expect(response.headers.get("Location")).toBe("/cart")
  })
})

describe("isCutoffRefusal", () => {
  it("recognises the pickup backend's refusals and nothing else", () => {
    expect(isCutoffRefusal(new FakeHttpError(400, "cutoff passed for cycle pcyc_1"))).toBe(true)
    expect(isCutoffRefusal(new FakeHttpError(409, "pickup point is full"))).toBe(true)
    expect(isCutoffRefusal(new FakeHttpError(400, "Some variant does not have the required inventory"))).toBe(false)
    expect(isCutoffRefusal(new Error("cutoff"))).toBe(false)
  })
})
