import type { StorePickupPoint } from "@lianxin/plugin/contract"
import { describe, expect, it } from "vitest"
import {
  checkoutAction,
  CHOOSE_COMPOUND_FOR_CHECKOUT,
  isNoPointRefusal,
  loadCheckoutPage,
  nextCycle,
  type CheckoutActionData,
} from "./checkout.server"
import { compoundAction, loadCompoundPage } from "./compound.server"
import { loadOrderPage, revealCodeAction, type RevealActionData } from "./orders.server"
import { createPickupApi } from "./pickup.server"
import { StoreHttpError } from "./medusa.server"
import { qrDataUrl } from "./qr.server"
import { availabilityJson, cycleJson, orderPickupJson, ownOrderJson, pointJson } from "./testing/contract-fixtures"
import {
  fakeStore,
  FakeHttpError,
  initOf,
  payload,
  testSessions,
  testToken,
  thrown,
  type Handler,
  withCart,
  withCompound,
  remember,
} from "./testing/fake-store"

/**
 * Checkout with pickup points (the pickup store routes), the compound chooser's
 * return to checkout, and the pickup code on the order page.
 */

const HOUR = 3_600_000
const point = pointJson("ppt_1", "测试小区", {
  name: "测试小区物业服务中心",
  office: { address: "杭州市西湖区测试路 1 号" },
})
const openCycle = (id = "pcyc_1", cutoffIn = 5 * HOUR) =>
  cycleJson({
    id,
    name: "每日",
    resident_cutoff_at: new Date(Date.now() + cutoffIn).toISOString(),
    pickup_starts_at: "2026-11-30T08:00:00.000Z",
    pickup_ends_at: "2026-11-30T12:00:00.000Z",
  })

function shop(extra: Record<string, Handler> = {}, points: StorePickupPoint[] = [point]) {
  const { store, calls } = fakeStore({
    "GET /store/pickup-points": () => ({ pickup_points: points }),
    "GET /store/pickup-points/:id": ({ id }) => {
      const found = points.find((p) => p.id === id)
      if (!found) throw new FakeHttpError(404, `pickup point ${id} was not found`)
      return { pickup_point: { ...found, order_cycles: [] } }
    },
    "GET /store/pickup-points/:id/cycles": () => ({ order_cycles: [openCycle()] }),
    "POST /store/carts/:id/pickup": ({ id }, init) => ({ cart_pickup: { cart_id: id, ...(init.body as object) } }),
    "GET /store/carts/:id": () => ({
      cart: {
        id: "cart_1",
        total: 12.8,
        items: [
          {
            id: "cali_1",
            variant_id: "variant_a",
            product_title: "测试苹果",
            quantity: 1,
            unit_price: 12.8,
            total: 12.8,
          },
        ],
      },
    }),
    "POST /store/carts/:id": () => ({ cart: { id: "cart_1" } }),
    "GET /store/shipping-options": () => ({
      shipping_options: [
        { id: "so_pickup", name: "到小区物业自提", service_zone: { fulfillment_set: { type: "pickup" } } },
      ],
    }),
    "POST /store/carts/:id/shipping-methods": () => ({ cart: { id: "cart_1" } }),
    "POST /store/payment-collections": () => ({ payment_collection: { id: "pay_col_1" } }),
    "POST /store/payment-collections/:id/payment-sessions": () => ({ payment_collection: { id: "pay_col_1" } }),
    "POST /store/carts/:id/complete": () => ({ type: "order", order: { id: "order_1" } }),
    // The whole checkout in one request (the plugin's POST /store/lianxin/checkout).
    "POST /store/lianxin/checkout": (_params, init) => {
      const body = init.body as { pickup_point_id: string; order_cycle_id?: string }
      return {
        type: "order",
        order: { id: "order_1" },
        pickup: {
          point_id: body.pickup_point_id,
          compound_name: "测试小区",
          address: "杭州市西湖区测试路 1 号",
          order_cycle_id: body.order_cycle_id ?? "pcyc_1",
          pickup_starts_at: "2026-11-30T08:00:00.000Z",
          pickup_ends_at: "2026-11-30T12:00:00.000Z",
          resident_cutoff_at: "2026-11-29T14:00:00.000Z",
        },
        pickup_code: { code: "04817263", qr_token: "pk1.eyJhIjoicGFzZ18xIn0.mac" },
      }
    },
    ...extra,
  })
  return { store, calls, browser: testSessions(), pickup: createPickupApi(store) }
}

/** The browser's request with the lx_compound cookie added. */

describe("checkout needs a compound once pickup points exist", () => {
  it("sends a resident without a compound to /compound with a return to checkout", async () => {
    const { store, browser, pickup } = shop()
    await withCart(browser)
    const response = await thrown(loadCheckoutPage(store, browser.sessions, pickup, browser.request("/checkout")))
    expect(response.status).toBe(302)
    expect(response.headers.get("Location")).toBe(CHOOSE_COMPOUND_FOR_CHECKOUT)
  })

  it("still shows checkout while no pickup point exists at all (the routes answer an empty list)", async () => {
    const { store, browser, pickup } = shop({}, [])
    await withCart(browser)
    const result = payload<{ compound: { point: unknown }; cycle: unknown }>(
      await loadCheckoutPage(store, browser.sessions, pickup, browser.request("/checkout"))
    )
    expect(result.compound.point).toBeNull()
    expect(result.cycle).toBeNull()
  })

  it("shows the chosen point and the cycle the order will go into", async () => {
    const { store, browser, pickup } = shop()
    await withCart(browser)
    const result = payload<{
      compound: { point: { compoundName: string } }
      cycle: { id: string; pickupStartsAt: string }
    }>(await loadCheckoutPage(store, browser.sessions, pickup, withCompound(browser.request("/checkout"))))
    expect(result.compound.point.compoundName).toBe("测试小区")
    expect(result.cycle).toMatchObject({ id: "pcyc_1", pickupStartsAt: "2026-11-30T08:00:00.000Z" })
  })

  it("preselects the next open cycle, skipping one whose batch already left", async () => {
    const { store, browser, pickup } = shop({
      "GET /store/pickup-points/:id": () => ({ pickup_point: { ...point, order_cycles: [] } }),
      "GET /store/pickup-points/:id/cycles": () => ({
        order_cycles: [
          openCycle("pcyc_1"),
          openCycle("pcyc_2", 29 * HOUR),
          openCycle("pcyc_3", 53 * HOUR),
          openCycle("pcyc_4", 77 * HOUR),
        ],
      }),
      "GET /store/pickup-points/:id/availability": (_p, init) => {
        // The backend's default is the nearest cycle; a batch has left for each cycle in `left`.
        const id = String(init.query?.order_cycle_id ?? "pcyc_1")
        const open = !left.has(id)
        return availabilityJson({
          order_cycle_id: id,
          open,
          reason: open ? null : "batch_closed",
          classes: { chilled: { capacity: 10, remaining: 5 }, ambient: { capacity: 10, remaining: 5 } },
        })
      },
    })
    const left = new Set(["pcyc_1"])
    await withCart(browser)
    const load = async () =>
      payload<{
        cycle: { id: string }
        cycles: Array<{ id: string }>
        compound: { availability: { cycleId: string; open: boolean } }
      }>(await loadCheckoutPage(store, browser.sessions, pickup, withCompound(browser.request("/checkout"))))
    let result = await load()
    expect(result.cycle.id).toBe("pcyc_2")
    expect(result.cycles.map((c) => c.id)).toEqual(["pcyc_2", "pcyc_3", "pcyc_4"])
    // What the product marks are decided on: the preselected cycle's availability, not the closed one's.
    expect(result.compound.availability).toMatchObject({ cycleId: "pcyc_2", open: true })
    // A backend that still lists two refusing cycles: the first open one after them.
    left.add("pcyc_2")
    result = await load()
    expect(result.cycle.id).toBe("pcyc_3")
    expect(result.cycles.map((c) => c.id)).toEqual(["pcyc_3", "pcyc_4"])
  })

  it("a post without a compound is redirected too (no JavaScript needed)", async () => {
    const { store, browser, pickup, calls } = shop()
    await withCart(browser)
    const response = await thrown(
      checkoutAction(
        store,
        browser.sessions,
        pickup,
        browser.request("/checkout", { name: "王小明", mobile: "13800138000" })
      )
    )
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe(CHOOSE_COMPOUND_FOR_CHECKOUT)
    expect(calls.some((c) => c.path.endsWith("/checkout"))).toBe(false)
  })

  it("places the order at the point and cycle shown in one backend request, and shows the code it came with", async () => {
    const { store, browser, pickup, calls } = shop()
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", {
        name: "王小明",
        mobile: "138 0013 8000",
        cycleId: "pcyc_1",
        email: "wang@example.com",
      })
    )
    const response = await thrown(checkoutAction(store, browser.sessions, pickup, request))
    expect(response.headers.get("Location")).toBe("/orders/order_1")
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /store/lianxin/checkout"])
    expect(calls[0]!.init.body).toEqual({
      cart_id: "cart_1",
      name: "王小明",
      phone: "13800138000",
      email: "wang@example.com",
      pickup_point_id: "ppt_1",
      order_cycle_id: "pcyc_1",
      complete: true,
    })
    const session = await browser.session()
    expect(session.get("cartId")).toBeUndefined()
    expect(session.get("cartCount")).toBe(0)
    expect(session.get("orders")).toEqual(["order_1"])
    expect(session.get("issuedCode")).toMatchObject({ orderId: "order_1", code: "04817263" })
  })

  it("refuses on the form, never moving the order, when the cycle shown has closed, and offers the next one the backend named", async () => {
    const cycleView = (c: ReturnType<typeof openCycle>) => ({
      id: c.id,
      name: c.name,
      resident_cutoff_at: c.resident_cutoff_at,
      pickup_starts_at: c.pickup_starts_at,
      pickup_ends_at: c.pickup_ends_at,
    })
    const refused = openCycle("pcyc_1", -HOUR)
    const next = { ...openCycle("pcyc_2", 23 * HOUR), pickup_starts_at: "2026-12-01T08:00:00.000Z" }
    const { store, browser, pickup, calls } = shop({
      "POST /store/lianxin/checkout": () => {
        throw new StoreHttpError("本期已截单", 409, {
          code: "cutoff_passed",
          order_cycle_id: "pcyc_1",
          order_cycle: cycleView(refused),
          next_order_cycle: cycleView(next),
        })
      },
    })
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", { name: "王小明", mobile: "138 0013 8000", cycleId: "pcyc_1" })
    )
    const result = await checkoutAction(store, browser.sessions, pickup, request)
    expect(initOf(result).status).toBe(409)
    const body = payload<CheckoutActionData>(result)
    expect(body.errors).toEqual({ form: "checkout.refused" })
    // What was typed comes back: taking the offer re-enters nothing.
    expect(body.values).toEqual({ name: "王小明", mobile: "13800138000" })
    expect(body.refusal).toMatchObject({
      kind: "cutoff_passed",
      refusedId: "pcyc_1",
      refused: { id: "pcyc_1", pickupStartsAt: refused.pickup_starts_at },
      next: { id: "pcyc_2", pickupStartsAt: "2026-12-01T08:00:00.000Z" },
    })
    // One request: the backend decided and named the next cycle; the cart is still the resident's.
    expect(calls.map((c) => c.path)).toEqual(["/store/lianxin/checkout"])
    expect((await browser.session()).get("cartId")).toBe("cart_1")
  })

  it("a refusal at completion in half Chinese, half English becomes a refusal the page words in one language", async () => {
    const cycles = [
      openCycle("pcyc_1", 2 * HOUR),
      { ...openCycle("pcyc_2", 26 * HOUR), pickup_starts_at: "2026-12-01T08:00:00.000Z" },
    ]
    const { store, browser, pickup, calls } = shop({
      "GET /store/pickup-points/:id/cycles": () => ({ order_cycles: cycles }),
      "GET /store/pickup-points/:id/availability": () => ({
        ...availabilityJson({
          order_cycle_id: "pcyc_2",
          classes: { chilled: { capacity: 10, remaining: 5 }, ambient: { capacity: 10, remaining: 5 } },
        }),
      }),
      "POST /store/lianxin/checkout": () => {
        throw new FakeHttpError(
          400,
          "本批次的货已发往自提点，不能再加单。请选择下一个批次。(this cycle's delivery has left)"
        )
      },
    })
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" })
    )
    const body = payload<CheckoutActionData>(await checkoutAction(store, browser.sessions, pickup, request))
    expect(body.reason).toBeUndefined()
    expect(body.refusal).toMatchObject({ kind: "batch_closed", refused: { id: "pcyc_1" }, next: { id: "pcyc_2" } })
    expect(calls.find((c) => c.path.endsWith("/availability"))!.init.query).toEqual({ order_cycle_id: "pcyc_2" })
  })

  it("never offers a cycle whose batch already left, and says so when none is open", async () => {
    const cycles = [openCycle("pcyc_1"), openCycle("pcyc_2", 29 * HOUR), openCycle("pcyc_3", 53 * HOUR)]
    const closedFor = new Set(["pcyc_2", "pcyc_3"])
    const { store, browser, pickup } = shop({
      "GET /store/pickup-points/:id/cycles": () => ({ order_cycles: cycles }),
      "GET /store/pickup-points/:id/availability": (_p, init) => {
        const id = String(init.query?.order_cycle_id)
        const open = !closedFor.has(id)
        return availabilityJson({
          order_cycle_id: id,
          open,
          reason: open ? null : "batch_closed",
          classes: { chilled: { capacity: 10, remaining: 1 }, ambient: { capacity: 10, remaining: 1 } },
        })
      },
      "POST /store/lianxin/checkout": () => {
        throw new FakeHttpError(
          400,
          "您选择的自提点本批次已满，订单未提交。请选择其他自提点或下一个批次。(the pickup point is full for this cycle; no order was placed)"
        )
      },
    })
    await withCart(browser)
    const post = () =>
      withCompound(browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" }))
    expect(
      payload<CheckoutActionData>(await checkoutAction(store, browser.sessions, pickup, post())).refusal
    ).toMatchObject({ kind: "full", next: null })
    closedFor.delete("pcyc_3")
    expect(
      payload<CheckoutActionData>(await checkoutAction(store, browser.sessions, pickup, post())).refusal
    ).toMatchObject({ kind: "full", next: { id: "pcyc_3" } })
  })

  it("the backend's 409 refusal names the cycle kind and the next open cycle: offered as it is, without looking one up", async () => {
    const next = openCycle("pcyc_9", 29 * HOUR)
    const { store, browser, pickup, calls } = shop({
      "POST /store/lianxin/checkout": () => {
        const refused = openCycle("pcyc_1")
        throw new StoreHttpError("您的自提点本期已满", 409, {
          type: "not_allowed",
          code: "point_full",
          message: "您的自提点本期已满",
          order_cycle: {
            id: refused.id,
            name: refused.name,
            resident_cutoff_at: refused.resident_cutoff_at,
            pickup_starts_at: refused.pickup_starts_at,
            pickup_ends_at: refused.pickup_ends_at,
          },
          next_order_cycle: next,
        })
      },
    })
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" })
    )
    const result = await checkoutAction(store, browser.sessions, pickup, request)
    expect(initOf(result).status).toBe(409)
    expect(payload<CheckoutActionData>(result).refusal).toMatchObject({
      kind: "full",
      refused: { id: "pcyc_1" },
      next: { id: "pcyc_9", cutoffAt: next.resident_cutoff_at, pickupStartsAt: next.pickup_starts_at },
    })
    expect(calls.some((c) => c.path.endsWith("/availability"))).toBe(false)
    // None open at the point: the backend says so (null), and nothing is offered.
    const none = shop({
      "POST /store/lianxin/checkout": () => {
        throw new StoreHttpError("本期已截单", 409, {
          code: "cutoff_passed",
          message: "本期已截单",
          next_order_cycle: null,
        })
      },
    })
    await withCart(none.browser)
    const again = withCompound(
      none.browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" })
    )
    expect(
      payload<CheckoutActionData>(await checkoutAction(none.store, none.browser.sessions, none.pickup, again)).refusal
    ).toMatchObject({
      kind: "cutoff_passed",
      next: null,
    })
  })

  it("a product that sold out (or ran short) is named on the form, with what is left; the typed values stay", async () => {
    const product = {
      product_id: "prod_1",
      variant_id: "variant_a",
      title: "测试小米",
      variant_title: "1kg",
      requested: 3,
      available: 1,
    }
    let left = 1
    const { store, browser, pickup } = shop({
      "POST /store/lianxin/checkout": () => {
        throw new StoreHttpError("库存不足", 409, {
          code: "out_of_stock",
          message: "库存不足",
          product: { ...product, available: left },
        })
      },
    })
    await withCart(browser)
    const post = () =>
      withCompound(browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" }))
    let result = await checkoutAction(store, browser.sessions, pickup, post())
    expect(initOf(result).status).toBe(409)
    expect(payload<CheckoutActionData>(result)).toMatchObject({
      errors: { form: "checkout.stock.short" },
      params: { product: "测试小米 1kg", available: "1" },
      values: { name: "王小明", mobile: "13800138000" },
    })
    expect(payload<CheckoutActionData>(result).refusal).toBeUndefined()
    left = 0
    result = await checkoutAction(store, browser.sessions, pickup, post())
    expect(payload<CheckoutActionData>(result)).toMatchObject({
      errors: { form: "checkout.stock.soldOut" },
      params: { product: "测试小米 1kg" },
    })
  })

  it("'改为下一期' places the order into the offered cycle, because the resident tapped it", async () => {
    const { store, browser, pickup, calls } = shop()
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", { name: "王小明", mobile: "13800138000", nextCycleId: "pcyc_2" })
    )
    const response = await thrown(checkoutAction(store, browser.sessions, pickup, request))
    expect(response.headers.get("Location")).toBe("/orders/order_1")
    expect(calls.find((c) => c.path === "/store/lianxin/checkout")!.init.body).toMatchObject({
      pickup_point_id: "ppt_1",
      order_cycle_id: "pcyc_2",
    })
  })

  it("a post without a chosen cycle while cycles are open is sent back to choose, never placed into one", async () => {
    const { store, browser, pickup, calls } = shop()
    await withCart(browser)
    const request = withCompound(browser.request("/checkout", { name: "王小明", mobile: "13800138000" }))
    const result = await checkoutAction(store, browser.sessions, pickup, request)
    expect(initOf(result).status).toBe(400)
    expect(payload<CheckoutActionData>(result).errors).toEqual({ cycleId: "form.cycle.required" })
    expect(calls.some((c) => c.method === "POST")).toBe(false)
  })

  it("a refusal about something else stays a form error with the typed values (the page words it in one language)", async () => {
    const { store, browser, pickup } = shop({
      "POST /store/lianxin/checkout": () => {
        throw new FakeHttpError(400, "Payment authorization failed")
      },
    })
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" })
    )
    const body = payload<CheckoutActionData>(await checkoutAction(store, browser.sessions, pickup, request))
    expect(body.errors).toEqual({ form: "checkout.failed" })
    expect(body.refusal).toBeUndefined()
    expect(body.values).toEqual({ name: "王小明", mobile: "13800138000" })
  })

  it("the backend's 'choose a pickup point first' sends the resident to choose one", async () => {
    expect(
      isNoPointRefusal(
        new FakeHttpError(400, "请先选择自提点和自提批次，再提交订单。(choose a pickup point and cycle: …)")
      )
    ).toBe(true)
    expect(isNoPointRefusal(new FakeHttpError(400, "Payment authorization failed"))).toBe(false)
  })

  it("offers the nearest cycle whose cutoff is ahead and that has room", () => {
    const closed = {
      id: "pcyc_0",
      name: "",
      cutoffAt: new Date(Date.now() - HOUR).toISOString(),
      pickupStartsAt: "",
      pickupEndsAt: "",
      full: false,
    }
    const full = { ...closed, id: "pcyc_1", cutoffAt: new Date(Date.now() + HOUR).toISOString(), full: true }
    const open = { ...closed, id: "pcyc_2", cutoffAt: new Date(Date.now() + 2 * HOUR).toISOString() }
    expect(nextCycle([closed, full, open])?.id).toBe("pcyc_2")
    expect(nextCycle([closed])).toBeNull()
  })
})

describe("choosing a compound for checkout", () => {
  it("keeps the return path on the page and goes back to checkout after choosing", async () => {
    const { pickup } = shop()
    const page = payload<{ redirectTo: string | null }>(
      await loadCompoundPage(pickup, new Request("http://shop.test/compound?redirectTo=%2Fcheckout"))
    )
    expect(page.redirectTo).toBe("/checkout")
    const form = new URLSearchParams({ pickupPointId: "ppt_1", redirectTo: "/checkout" })
    const response = await thrown(
      compoundAction(new Request("http://shop.test/compound", { method: "POST", body: form }))
    )
    expect(response.headers.get("Location")).toBe("/checkout?notice=compound.saved")
    expect(response.headers.get("Set-Cookie")).toContain("lx_compound=ppt_1")
  })

  it("never redirects off site", async () => {
    const form = new URLSearchParams({ pickupPointId: "ppt_1", redirectTo: "//evil.example" })
    const response = await thrown(
      compoundAction(new Request("http://shop.test/compound", { method: "POST", body: form }))
    )
    expect(response.headers.get("Location")).toBe("/?notice=compound.saved")
  })
})

const jwt = testToken()
const orderJson = () =>
  ownOrderJson({
    id: "order_1",
    display_id: 7,
    created_at: "2026-11-29T05:00:00Z",
    total: 12.8,
    subtotal: 12.8,
    items: [],
  })
const pickupJson = {
  pickup: orderPickupJson({
    pickup_point: {
      id: "ppt_1",
      name: "测试小区物业服务中心",
      compound_name: "测试小区",
      address: "杭州市西湖区测试路 1 号",
    },
    order_cycle: {
      id: "pcyc_1",
      name: "每日",
      resident_cutoff_at: "2026-11-29T14:00:00.000Z",
      pickup_starts_at: "2026-11-30T08:00:00.000Z",
      pickup_ends_at: "2026-11-30T12:00:00.000Z",
    },
    qr_token: "pk1.old.mac",
  }),
}

describe("order page pickup", () => {
  it("shows a signed-in resident's point and window from GET /store/pickup-orders/:id", async () => {
    const { store, browser, pickup, calls } = shop({
      "GET /store/lianxin/orders/:id": () => ({ order: orderJson() }),
      "GET /store/pickup-orders/:id": () => pickupJson,
    })
    await remember(browser, { orders: ["order_1"], token: jwt })
    const { order, signedIn } = payload<{ order: { pickup: Record<string, unknown> }; signedIn: boolean }>(
      await loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_1"), "order_1")
    )
    expect(signedIn).toBe(true)
    expect(order.pickup).toMatchObject({
      compoundName: "测试小区",
      address: "杭州市西湖区测试路 1 号",
      windowStart: "2026-11-30T08:00:00.000Z",
      status: "placed",
    })
    expect(calls.find((c) => c.path === "/store/pickup-orders/order_1")!.init.headers).toEqual({
      authorization: `Bearer ${jwt}`,
    })
  })

  it("shows a guest the point and window from GET /store/pickup-orders/:id, with the cart as proof", async () => {
    const { store, browser, pickup, calls } = shop({
      "GET /store/lianxin/orders/:id": () => ({ order: orderJson() }),
      "GET /store/pickup-orders/:id": () => pickupJson,
    })
    await remember(browser, { orders: ["order_1"], orderCarts: { order_1: "cart_1" } })
    const { order, signedIn } = payload<{ order: { pickup: Record<string, unknown> }; signedIn: boolean }>(
      await loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_1"), "order_1")
    )
    expect(signedIn).toBe(false)
    expect(order.pickup).toMatchObject({
      compoundName: "测试小区",
      windowEnd: "2026-11-30T12:00:00.000Z",
      code: null,
      status: "placed",
    })
    expect(calls.find((c) => c.path === "/store/pickup-orders/order_1")!.init.query).toEqual({ cart_id: "cart_1" })
  })
})

describe("signed-in checkout", () => {
  it("assigns the cart as the customer (the backend hides a customer's cart from anyone else)", async () => {
    const jwt = testToken()
    const { store, browser, pickup, calls } = shop({
      "POST /store/carts/:id/customer": () => ({ cart: { id: "cart_1" } }),
    })
    await withCart(browser, { token: jwt, customer: { email: "li@example.com", name: "李阿姨" } })
    const request = withCompound(
      browser.request("/checkout", { name: "李阿姨", mobile: "13900139000", cycleId: "pcyc_1" })
    )
    await thrown(checkoutAction(store, browser.sessions, pickup, request))
    const checkout = calls.find((c) => c.path === "/store/lianxin/checkout")!
    expect(checkout.init.headers).toEqual({ authorization: `Bearer ${jwt}` })
    // The order carries the account's email: the form's is not sent.
    expect(checkout.init.body).not.toHaveProperty("email")
  })
})

describe("a guest's confirmation", () => {
  it("checkout keeps the order and its cart; the confirmation reads the pickup with that cart", async () => {
    const { store, browser, pickup, calls } = shop({
      "GET /store/lianxin/orders/:id": () => ({ order: orderJson() }),
      "GET /store/pickup-orders/:id": () => pickupJson,
    })
    await withCart(browser)
    const request = withCompound(
      browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1" })
    )
    await thrown(checkoutAction(store, browser.sessions, pickup, request))
    const { order } = payload<{ order: { pickup: Record<string, unknown> } }>(
      await loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_1"), "order_1")
    )
    expect(order.pickup).toMatchObject({
      compoundName: "测试小区",
      address: "杭州市西湖区测试路 1 号",
      windowStart: "2026-11-30T08:00:00.000Z",
    })
    expect(calls.find((c) => c.path === "/store/pickup-orders/order_1")!.init.query).toEqual({ cart_id: "cart_1" })
  })
})

describe("show my pickup code", () => {
  const codeShop = () =>
    shop({
      "GET /store/lianxin/orders/:id": () => ({ order: orderJson() }),
      "GET /store/pickup-orders/:id": () => pickupJson,
      "POST /store/pickup-orders/:id/code": () => ({
        pickup_code: { code: "04817263", qr_token: "pk1.eyJhIjoicGFzZ18xIn0.mac" },
      }),
    })

  it("issues a fresh code and draws its QR on the server", async () => {
    const { store, browser, pickup, calls } = codeShop()
    await remember(browser, { orders: ["order_1"], token: jwt })
    const result = payload<RevealActionData>(
      await revealCodeAction(
        store,
        browser.sessions,
        pickup,
        browser.request("/orders/order_1", { intent: "code" }),
        "order_1",
        qrDataUrl
      )
    )
    expect(result.revealed?.code).toBe("04817263")
    expect(result.revealed?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from(result.revealed!.qrDataUrl.split(",")[1]!, "base64").toString("utf8")
    expect(svg).toContain("<svg")
    const post = calls.find((c) => c.method === "POST" && c.path === "/store/pickup-orders/order_1/code")!
    expect(post.init.headers).toEqual({ authorization: `Bearer ${jwt}` })
  })

  it("sends a guest to sign in and back to the order, without asking the backend", async () => {
    const { store, browser, pickup, calls } = codeShop()
    await remember(browser, { orders: ["order_1"] })
    const response = await thrown(
      revealCodeAction(
        store,
        browser.sessions,
        pickup,
        browser.request("/orders/order_1", { intent: "code" }),
        "order_1",
        qrDataUrl
      )
    )
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe("/account/login?redirectTo=%2Forders%2Forder_1")
    expect(calls.some((c) => c.path.endsWith("/code"))).toBe(false)
  })

  it("answers 404 for an order this browser may not see", async () => {
    const { store, browser, pickup, calls } = codeShop()
    await remember(browser, { token: jwt })
    const response = await thrown(
      revealCodeAction(
        {
          ...store,
          request: (what, path, init) =>
            path === "/store/orders" ? Promise.resolve({ orders: [] } as never) : store.request(what, path, init),
        },
        browser.sessions,
        pickup,
        browser.request("/orders/order_1", { intent: "code" }),
        "order_1",
        qrDataUrl
      )
    )
    expect(response.status).toBe(404)
    expect(calls.some((c) => c.path.endsWith("/code"))).toBe(false)
  })

  it("says the code is unavailable when the backend has no pickup for the order", async () => {
    const { store, browser, pickup } = shop({
      "GET /store/lianxin/orders/:id": () => ({ order: orderJson() }),
      "POST /store/pickup-orders/:id/code": () => {
        throw new FakeHttpError(404, "order order_1 was not found")
      },
    })
    await remember(browser, { orders: ["order_1"], token: jwt })
    const result = await revealCodeAction(
      store,
      browser.sessions,
      pickup,
      browser.request("/orders/order_1", { intent: "code" }),
      "order_1",
      qrDataUrl
    )
    expect(payload<RevealActionData>(result)).toEqual({ revealed: null, error: "code.unavailable" })
  })
})
