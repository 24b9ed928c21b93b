import { describe, expect, it } from "vitest"
import { checkoutAction, loadCheckoutPage } from "./checkout.server"
import { StoreHttpError } from "./medusa.server"
import { createPickupApi } from "./pickup.server"
import { fakeStore, FakeHttpError, payload, testSessions, thrown, type Handler, withCart } from "./testing/fake-store"

const PICKUP = {
  point_id: "ppt_1",
  compound_name: "测试小区",
  address: "杭州市西湖区测试路 1 号",
  order_cycle_id: "pcyc_1",
  pickup_starts_at: "2026-11-30T08:00:00.000Z",
  pickup_ends_at: "2026-11-30T12:00:00.000Z",
  resident_cutoff_at: "2026-11-29T14:00:00.000Z",
}

/** The backend as checkout sees it: one route (POST /store/lianxin/checkout), the rest only on the paths that need it. */
function checkoutShop(
  checkout: Handler = () => ({
    type: "order",
    order: { id: "order_1" },
    pickup: PICKUP,
    pickup_code: { code: "04817263", qr_token: "pk1.a.b" },
  }),
  extra: Record<string, Handler> = {}
) {
  const { store, calls } = fakeStore({
    "POST /store/lianxin/checkout": checkout,
    "POST /store/pickup-orders/:id/code": () => ({ pickup_code: { code: "11112222", qr_token: "pk1.c.d" } }),
    ...extra,
  })
  const browser = testSessions()
  return { store, calls, browser, pickup: createPickupApi(store) }
}

/** A checkout form post from a browser with the compound cookie. */
function post(browser: ReturnType<typeof testSessions>, form: Record<string, string>) {
  const request = browser.request("/checkout", { cycleId: "pcyc_1", ...form })
  const headers = new Headers(request.headers)
  headers.set("Cookie", [request.headers.get("Cookie"), "lx_compound=ppt_1"].filter(Boolean).join("; "))
  return new Request(request.url, { method: "POST", headers, body: request.body, duplex: "half" } as RequestInit)
}

describe("checkout action: one backend request", () => {
  it("places a guest order with one request and shows the code that came with it", async () => {
    const { store, calls, browser, pickup } = checkoutShop()
    await withCart(browser)
    const response = await thrown(
      checkoutAction(store, browser.sessions, pickup, post(browser, { name: "王小明", mobile: "138 0013 8000" }))
    )
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe("/orders/order_1")
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /store/lianxin/checkout"])
    expect(calls[0]!.init.body).toEqual({
      cart_id: "cart_1",
      name: "王小明",
      phone: "13800138000",
      pickup_point_id: "ppt_1",
      order_cycle_id: "pcyc_1",
      complete: true,
    })
    const session = await browser.session()
    expect(session.get("cartId")).toBeUndefined()
    expect(session.get("cartCount")).toBe(0)
    expect(session.get("orders")).toEqual(["order_1"])
    expect(session.get("issuedCode")).toMatchObject({ orderId: "order_1", code: "04817263", qrToken: "pk1.a.b" })
  })

  it("asks for a code afterwards only when the answer came without one", async () => {
    const { store, calls, browser, pickup } = checkoutShop(() => ({
      type: "order",
      order: { id: "order_1" },
      pickup: PICKUP,
      pickup_code: null,
    }))
    await withCart(browser)
    await thrown(
      checkoutAction(store, browser.sessions, pickup, post(browser, { name: "王小明", mobile: "13800138000" }))
    )
    expect(calls.map((c) => c.path)).toEqual(["/store/lianxin/checkout", "/store/pickup-orders/order_1/code"])
    expect((await browser.session()).get("issuedCode")).toMatchObject({ code: "11112222" })
  })

  it("sends a signed-in resident's token, never the form's email", async () => {
    const { store, calls, browser, pickup } = checkoutShop()
    await withCart(browser, { token: "jwt", customer: { email: "li@example.com", name: "李阿姨" } })
    await thrown(
      checkoutAction(
        store,
        browser.sessions,
        pickup,
        post(browser, { name: "李阿姨", mobile: "13900139000", email: "other@example.com" })
      )
    )
    expect(calls.every((c) => c.init.headers?.authorization === "Bearer jwt")).toBe(true)
    expect(calls[0]!.init.body).not.toHaveProperty("email")
  })

  it("sends bad input back to the fields without asking the backend", async () => {
    const { store, calls, browser, pickup } = checkoutShop()
    await withCart(browser)
    const result = await checkoutAction(
      store,
      browser.sessions,
      pickup,
      post(browser, { name: "", mobile: "1380013800" })
    )
    expect(payload(result)).toMatchObject({
      ok: false,
      errors: { name: "form.required", mobile: "form.mobile.invalid" },
      values: { mobile: "1380013800" },
    })
    expect(calls).toEqual([])
  })

  it("a cart emptied or placed in another tab goes back to the cart page", async () => {
    for (const code of ["cart_empty", "cart_completed"]) {
      const { store, browser, pickup } = checkoutShop(() => {
        throw new StoreHttpError("购物车是空的", 409, { code })
      })
      await withCart(browser)
      const response = await thrown(
        checkoutAction(store, browser.sessions, pickup, post(browser, { name: "王", mobile: "13800138000" }))
      )
      expect(response.headers.get("Location")).toBe("/cart")
      expect((await browser.session()).get("cartId")).toBeUndefined()
    }
  })

  it("a cart already placed (its answer was lost) opens that order instead of an error", async () => {
    const { store, browser, pickup } = checkoutShop(() => {
      throw new StoreHttpError("这个购物车已经下过单了。", 409, {
        code: "cart_completed",
        order_id: "order_01PLACEDBEFORE",
      })
    })
    await withCart(browser)
    const response = await thrown(
      checkoutAction(store, browser.sessions, pickup, post(browser, { name: "王", mobile: "13800138000" }))
    )
    expect(response.headers.get("Location")).toBe("/orders/order_01PLACEDBEFORE")
    expect((await browser.session()).get("cartId")).toBeUndefined()
  })

  it("a point that no longer exists sends the resident to choose a compound", async () => {
    const { store, browser, pickup } = checkoutShop(() => {
      throw new FakeHttpError(400, "pickup_point_id: no such active pickup point")
    })
    await withCart(browser)
    const response = await thrown(
      checkoutAction(store, browser.sessions, pickup, post(browser, { name: "王", mobile: "13800138000" }))
    )
    expect(response.headers.get("Location")).toBe("/compound?redirectTo=%2Fcheckout")
  })

  it("shows Medusa's reason when the checkout fails for something else", async () => {
    const { store, browser, pickup } = checkoutShop(() => {
      throw new FakeHttpError(400, "Payment authorization failed")
    })
    await withCart(browser)
    const result = await checkoutAction(
      store,
      browser.sessions,
      pickup,
      post(browser, { name: "王", mobile: "13800138000" })
    )
    expect(payload(result)).toMatchObject({
      ok: false,
      errors: { form: "checkout.failed" },
      reason: "Payment authorization failed",
    })
    expect((await browser.session()).get("cartId")).toBe("cart_1")
  })

  it("an online payment: the same request prepares the cart, then the payment session opens", async () => {
    const { store, calls, browser, pickup } = checkoutShop(
      () => ({ type: "payment", payment_collection_id: "pay_col_1", pickup: PICKUP }),
      {
        "GET /store/regions": () => ({ regions: [{ id: "reg_cn", name: "中国大陆" }] }),
        "GET /store/payment-providers": () => ({
          payment_providers: [{ id: "pp_system_default" }, { id: "pp_stripe-wechatpay_stripe" }],
        }),
        "POST /store/payment-collections/:id/payment-sessions": () => ({ payment_collection: { id: "pay_col_1" } }),
        "GET /store/carts/:id": () => ({
          cart: { id: "cart_1", total: 25.6, payment_collection: { id: "pay_col_1", payment_sessions: [] } },
        }),
      }
    )
    await withCart(browser)
    const response = await thrown(
      checkoutAction(
        store,
        browser.sessions,
        pickup,
        post(browser, { name: "王", mobile: "13800138000", payment: "wechat_pay" })
      )
    )
    expect(response.headers.get("Location")).toBe("/checkout/pay")
    expect(calls.find((c) => c.path === "/store/lianxin/checkout")!.init.body).toMatchObject({ complete: false })
    expect(calls.find((c) => c.path.endsWith("/payment-sessions"))!.init.body).toMatchObject({
      provider_id: "pp_stripe-wechatpay_stripe",
    })
    expect((await browser.session()).get("payment")).toMatchObject({
      cartId: "cart_1",
      method: "wechat_pay",
      pickup: PICKUP,
    })
  })

  it("sends an empty cart back to the cart page", async () => {
    const { store, browser, pickup } = checkoutShop(undefined, {
      "GET /store/carts/:id": () => ({ cart: { id: "cart_1", items: [] } }),
    })
    const response = await thrown(loadCheckoutPage(store, browser.sessions, pickup, browser.request("/checkout")))
    expect(response.headers.get("Location")).toBe("/cart")
  })
})
