import { describe, expect, it } from "vitest"
import { checkoutAction, loadCheckoutPage } from "./checkout.server"
import { readCart } from "./cart.server"
import { loadPayPage, payAction, paymentViewOf } from "./payment.server"
import { createPickupApi } from "./pickup.server"
import { fakeStore, payload, testSessions, thrown, type Handler, withCart } from "./testing/fake-store"

const WECHAT = "pp_stripe-wechatpay_stripe"
const ALIPAY = "pp_stripe-alipay_stripe"
const CARD = "pp_stripe_stripe"

const wechatWaiting = {
  id: "payses_wx",
  provider_id: WECHAT,
  status: "requires_more",
  data: {
    id: "pi_1",
    status: "requires_action",
    next_action: {
      type: "wechat_pay_display_qr_code",
      wechat_pay_display_qr_code: { data: "weixin://wxpay/bizpayurl?pr=abc" },
    },
  },
}
const cartWith = (sessions: unknown[], total = 25.6) => ({
  cart: {
    id: "cart_1",
    total,
    completed_at: null,
    payment_collection: { id: "pay_col_1", payment_sessions: sessions },
  },
})

const PICKUP = {
  point_id: "ppt_1",
  compound_name: "测试小区",
  address: "杭州市西湖区测试路 1 号",
  order_cycle_id: "pcyc_1",
  pickup_starts_at: "2026-11-30T08:00:00.000Z",
  pickup_ends_at: "2026-11-30T12:00:00.000Z",
  resident_cutoff_at: "2026-11-29T14:00:00.000Z",
}

/** The checkout form as posted from a browser that chose its compound. */
function checkoutPost(browser: ReturnType<typeof testSessions>, form: Record<string, string>) {
  const request = browser.request("/checkout", { cycleId: "pcyc_1", ...form })
  const headers = new Headers(request.headers)
  headers.set("Cookie", [request.headers.get("Cookie"), "lx_compound=ppt_1"].filter(Boolean).join("; "))
  return new Request(request.url, { method: "POST", headers, body: request.body, duplex: "half" } as RequestInit)
}

function shop(routes: Record<string, Handler> = {}, providers = ["pp_system_default", WECHAT, ALIPAY, CARD]) {
  let current: unknown[] = [wechatWaiting]
  const { store, calls } = fakeStore({
    "GET /store/carts/:id": (_p, init) =>
      String(init.query?.fields ?? "").includes("payment_collection")
        ? cartWith(current)
        : {
            cart: {
              id: "cart_1",
              total: 25.6,
              items: [
                {
                  id: "cali_1",
                  variant_id: "variant_a",
                  product_title: "测试苹果",
                  quantity: 2,
                  unit_price: 12.8,
                  total: 25.6,
                },
              ],
            },
          },
    "POST /store/carts/:id": () => ({ cart: { id: "cart_1" } }),
    // No pickup point set up yet: checkout asks for no compound.
    "GET /store/pickup-points": () => ({ pickup_points: [], count: 0, offset: 0, limit: 1 }),
    "GET /store/shipping-options": () => ({
      shipping_options: [
        { id: "so_pickup", name: "到小区物业自提", service_zone: { fulfillment_set: { type: "pickup" } } },
      ],
    }),
    "POST /store/carts/:id/shipping-methods": () => ({ cart: { id: "cart_1" } }),
    "POST /store/payment-collections": () => ({ payment_collection: { id: "pay_col_1" } }),
    "GET /store/payment-providers": () => ({ payment_providers: providers.map((id) => ({ id })) }),
    "POST /store/payment-collections/:id/payment-sessions": (_p, init) => {
      const provider = (init.body as { provider_id: string }).provider_id
      current =
        provider === ALIPAY
          ? [
              {
                id: "payses_ali",
                provider_id: ALIPAY,
                status: "requires_more",
                data: {
                  id: "pi_2",
                  status: "requires_action",
                  next_action: {
                    type: "alipay_handle_redirect",
                    alipay_handle_redirect: { url: "https://pay.test/alipay/pi_2" },
                  },
                },
              },
            ]
          : provider === "pp_system_default"
            ? [{ id: "payses_pp", provider_id: provider, status: "pending", data: {} }]
            : [{ ...wechatWaiting, id: `payses_${current.length}` }]
      return { payment_collection: { id: "pay_col_1" } }
    },
    "POST /store/carts/:id/complete": () => ({ type: "cart", error: { message: "Payment authorization failed" } }),
    // The one-request checkout: for an online method it prepares the cart (complete: false) and says where to pay.
    "POST /store/lianxin/checkout": (_p, init) =>
      (init.body as { complete: boolean }).complete
        ? { type: "order", order: { id: "order_1" }, pickup: PICKUP, pickup_code: null }
        : { type: "payment", payment_collection_id: "pay_col_1", pickup: PICKUP },
    ...routes,
  })
  const browser = testSessions()
  return { store, calls, browser, pickup: createPickupApi(store), setSessions: (s: unknown[]) => (current = s) }
}

const pending = { payment: { cartId: "cart_1", method: "wechat_pay", pickup: null } }
const qrImage = async (data: string) => `data:image/svg+xml;qr=${encodeURIComponent(data)}`

describe("paymentViewOf", () => {
  it("reads the QR of a waiting WeChat Pay intent, the redirect of Alipay and the client secret of a card", () => {
    expect(paymentViewOf(cartWith([wechatWaiting]))).toMatchObject({
      method: "wechat_pay",
      state: "waiting",
      totalFen: 2560,
      wechatQr: "weixin://wxpay/bizpayurl?pr=abc",
      clientSecret: null,
    })
    const card = {
      id: "ps",
      provider_id: CARD,
      status: "pending",
      data: { status: "requires_payment_method", client_secret: "pi_3_secret_x" },
    }
    expect(paymentViewOf(cartWith([card]))).toMatchObject({
      method: "card",
      state: "waiting",
      clientSecret: "pi_3_secret_x",
    })
  })

  it("tells a failed payment (with Stripe's reason) from a canceled one; pay at pickup is no online payment", () => {
    const failed = {
      id: "ps",
      provider_id: WECHAT,
      status: "error",
      data: {
        status: "requires_payment_method",
        last_payment_error: {
          code: "payment_method_provider_decline",
          message: "The customer did not approve the payment.",
        },
      },
    }
    expect(paymentViewOf(cartWith([failed]))).toMatchObject({
      state: "failed",
      reason: "The customer did not approve the payment.",
      reasonCode: "payment_method_provider_decline",
      wechatQr: null,
    })
    expect(paymentViewOf(cartWith([{ ...failed, status: "canceled", data: { status: "canceled" } }]))).toMatchObject({
      state: "canceled",
      reason: null,
    })
    expect(
      paymentViewOf(cartWith([{ id: "ps", provider_id: "pp_system_default", status: "pending", data: {} }]))
    ).toMatchObject({ method: "pickup", state: "none" })
    expect(paymentViewOf(cartWith([]))).toMatchObject({ method: null, state: "none" })
  })
})

describe("checkout with an online method", () => {
  it("offers the backend's methods in our order, pay at pickup first; card only with a publishable key", async () => {
    const { store, browser, pickup } = shop({}, ["pp_stripe_stripe", WECHAT, "pp_system_default"])
    await withCart(browser)
    const without = payload<any>(await loadCheckoutPage(store, browser.sessions, pickup, browser.request("/checkout")))
    expect(without.payment).toEqual({ methods: ["pickup", "wechat_pay"], stripeKey: null })
    const withKey = payload<any>(
      await loadCheckoutPage(store, browser.sessions, pickup, browser.request("/checkout"), { stripeKey: "pk_test_x" })
    )
    expect(withKey.payment).toEqual({ methods: ["pickup", "wechat_pay", "card"], stripeKey: "pk_test_x" })
  })

  it("WeChat Pay: opens the session with our return URL, keeps the cart, and goes to the payment page without completing", async () => {
    const { store, calls, browser, pickup } = shop()
    await withCart(browser)
    const response = await thrown(
      checkoutAction(
        store,
        browser.sessions,
        pickup,
        checkoutPost(browser, { name: "王小明", mobile: "13800138000", payment: "wechat_pay" })
      )
    )
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe("/checkout/pay")
    expect(calls.find((c) => c.path.endsWith("/payment-sessions"))!.init.body).toEqual({
      provider_id: WECHAT,
      data: { return_url: "http://shop.test/checkout/pay" },
    })
    expect(calls.some((c) => c.path.endsWith("/complete"))).toBe(false)
    const session = await browser.session()
    expect(session.get("cartId")).toBe("cart_1")
    expect(session.get("payment")).toEqual({ cartId: "cart_1", method: "wechat_pay", pickup: PICKUP })
    expect(calls.find((c) => c.path === "/store/lianxin/checkout")!.init.body).toMatchObject({ complete: false })
  })

  it("Alipay: straight to Alipay's page", async () => {
    const { store, browser, pickup } = shop()
    await withCart(browser)
    const response = await thrown(
      checkoutAction(
        store,
        browser.sessions,
        pickup,
        checkoutPost(browser, { name: "王小明", mobile: "13800138000", payment: "alipay" })
      )
    )
    expect(response.headers.get("Location")).toBe("https://pay.test/alipay/pi_2")
  })

  it("a method the backend does not offer is a 400 on the payment field, nothing opened", async () => {
    const { store, calls, browser, pickup } = shop({}, ["pp_system_default"])
    await withCart(browser)
    const result = await checkoutAction(
      store,
      browser.sessions,
      pickup,
      checkoutPost(browser, { name: "王小明", mobile: "13800138000", payment: "alipay" })
    )
    expect(payload(result)).toMatchObject({
      ok: false,
      errors: { payment: "payment.unavailable" },
      values: { payment: "alipay" },
    })
    expect(calls.some((c) => c.path.endsWith("/payment-sessions") || c.path.endsWith("/checkout"))).toBe(false)
  })

  it("an unknown method is refused by the form schema", async () => {
    const { store, calls, browser, pickup } = shop()
    await withCart(browser)
    const result = await checkoutAction(
      store,
      browser.sessions,
      pickup,
      browser.request("/checkout", { name: "王小明", mobile: "13800138000", payment: "paypal" })
    )
    expect(payload(result)).toMatchObject({ ok: false, errors: { payment: expect.any(String) } })
    expect(calls).toEqual([])
  })
})

describe("the payment page", () => {
  it("shows the QR while the payment waits (the completion attempt is refused)", async () => {
    const { store, browser, pickup } = shop()
    await withCart(browser, pending)
    const data = payload<any>(
      await loadPayPage(store, browser.sessions, pickup, browser.request("/checkout/pay"), qrImage, null)
    )
    expect(data.view).toMatchObject({ state: "waiting", method: "wechat_pay" })
    expect(data.qr).toBe(`data:image/svg+xml;qr=${encodeURIComponent("weixin://wxpay/bizpayurl?pr=abc")}`)
    expect((await browser.session()).get("cartId")).toBe("cart_1")
  })

  it("turns into the confirmation once the order exists (placed here or by the webhook)", async () => {
    const { store, browser, pickup } = shop({
      "POST /store/carts/:id/complete": () => ({ type: "order", order: { id: "order_9" } }),
    })
    await withCart(browser, pending)
    const response = await thrown(
      loadPayPage(store, browser.sessions, pickup, browser.request("/checkout/pay"), qrImage, null)
    )
    expect(response.headers.get("Location")).toBe("/orders/order_9")
    const session = await browser.session()
    expect(session.get("cartId")).toBeUndefined()
    expect(session.get("payment")).toBeUndefined()
    expect(session.get("orders")).toEqual(["order_9"])
    expect(session.get("orderCarts")).toEqual({ order_9: "cart_1" })
  })

  it("without a payment under way it sends the resident back to checkout", async () => {
    const { store, browser, pickup } = shop()
    await withCart(browser)
    const response = await thrown(
      loadPayPage(store, browser.sessions, pickup, browser.request("/checkout/pay"), qrImage, null)
    )
    expect(response.headers.get("Location")).toBe("/checkout")
  })

  it("after a failure: retry opens a new session; switching to pay at pickup places the order", async () => {
    let completes = 0
    const { store, calls, browser, pickup } = shop({
      "POST /store/carts/:id/complete": () =>
        ++completes >= 3
          ? { type: "order", order: { id: "order_5" } }
          : { type: "cart", error: { message: "not authorized" } },
    })
    await withCart(browser, pending)
    const retry = await thrown(
      payAction(store, browser.sessions, pickup, browser.request("/checkout/pay", { intent: "retry" }))
    )
    expect(retry.headers.get("Location")).toBe("/checkout/pay")
    expect(
      calls.filter((c) => c.path.endsWith("/payment-sessions")).map((c) => (c.init.body as any).provider_id)
    ).toEqual([WECHAT])

    const switched = await thrown(
      payAction(store, browser.sessions, pickup, browser.request("/checkout/pay", { intent: "pickup" }))
    )
    expect(switched.headers.get("Location")).toBe("/orders/order_5")
    expect(
      calls.filter((c) => c.path.endsWith("/payment-sessions")).map((c) => (c.init.body as any).provider_id)
    ).toEqual([WECHAT, "pp_system_default"])
    expect((await browser.session()).get("cartId")).toBeUndefined()
  })

  it("a bad intent is a 400 and changes nothing", async () => {
    const { store, calls, browser, pickup } = shop()
    await withCart(browser, pending)
    const result = await payAction(
      store,
      browser.sessions,
      pickup,
      browser.request("/checkout/pay", { intent: "refund-me" })
    )
    expect((result as any).init.status).toBe(400)
    expect(calls).toEqual([])
  })
})

describe("a resident who paid and closed the browser", () => {
  it("is sent to the payment page (then the confirmation) when the webhook completed the cart, instead of losing the cart silently", async () => {
    const { store, browser } = shop({
      "GET /store/carts/:id": () => ({ cart: { id: "cart_1", completed_at: "2026-12-05T01:00:00Z", items: [] } }),
    })
    await withCart(browser, pending)
    const session = await browser.session()
    const response = await thrown(readCart(store, session))
    expect(response.headers.get("Location")).toBe("/checkout/pay")
    expect(session.get("cartId")).toBe("cart_1")

    // Without a payment under way a completed cart is simply gone, as before.
    const other = testSessions()
    await withCart(other)
    const plain = await other.session()
    expect(await readCart(store, plain)).toBeNull()
    expect(plain.get("cartId")).toBeUndefined()
  })
})
