import { describe, expect, it } from "vitest"
import type { OrderView } from "../commerce"
import { createPickupApi } from "./pickup.server"
import { cancelOrder, cancelOrderAction, loadAccountPage, loadOrderPage } from "./orders.server"
import { orderItemJson, orderPickupJson, ownOrderJson } from "./testing/contract-fixtures"
import { fakeStore, FakeHttpError, payload, testSessions, testToken, thrown, remember } from "./testing/fake-store"

const jwt = testToken()

const orderJson = (id: string, display: number) =>
  ownOrderJson({
    id,
    display_id: display,
    created_at: "2026-11-29T05:00:00Z",
    total: 25.6,
    items: [
      orderItemJson({
        product_id: "prod_apple",
        variant_id: "variant_a",
        product_title: "测试苹果",
        variant_title: "5斤装",
        quantity: 2,
        unit_price: 12.8,
        total: 25.6,
      }),
    ],
  })

function orderShop(extra: Record<string, Parameters<typeof fakeStore>[0][string]> = {}) {
  const { store, calls } = fakeStore({
    // As the backend answers: order_1 is a guest order placed from cart_1, order_2 the signed-in customer's.
    "GET /store/lianxin/orders/:id": ({ id }, init) => {
      const cartId = (init.query as Record<string, string> | undefined)?.cart_id
      const auth = (init.headers as Record<string, string> | undefined)?.authorization
      if (!cartId && !auth) throw new FakeHttpError(401, "Unauthorized")
      if (id === "order_1" && cartId === "cart_1") return { order: orderJson("order_1", 1) }
      if (id === "order_2" && auth) return { order: orderJson("order_2", 2) }
      throw new FakeHttpError(404, `Order id ${id} not found`)
    },
    // The same owners as the order; order_1's accrual is posted, order_2's not yet.
    "GET /store/lianxin/orders/:id/trace": ({ id }, init) => {
      const cartId = (init.query as Record<string, string> | undefined)?.cart_id
      const auth = (init.headers as Record<string, string> | undefined)?.authorization
      if (id === "order_1" && cartId === "cart_1")
        return {
          trace: {
            order_id: "order_1",
            lines: [
              {
                line_item_id: "ordli_1",
                traceable: true,
                harvest_batch: {
                  id: "hvb_1",
                  harvested_on: "2026-11-25",
                  quantity: 120,
                  quantity_unit: "斤",
                  certificate_no: "HGZ-1",
                  certificate_photo_url: "/static/hgz-1.png",
                  recalled: false,
                  recalled_at: null,
                },
              },
            ],
            households: { status: "posted", households: 1, amount_fen: 2048 },
          },
        }
      if (id === "order_2" && auth)
        return {
          trace: {
            order_id: "order_2",
            lines: [{ line_item_id: "ordli_1", traceable: true, harvest_batch: null }],
            households: { status: "pending", households: null, amount_fen: null },
          },
        }
      throw new FakeHttpError(404, `Order id ${id} not found`)
    },
    "GET /store/orders": () => ({ orders: [orderJson("order_2", 2)] }),
    "GET /store/products/:id/price-breakdown": () => ({
      price_breakdown: {
        product_id: "prod_apple",
        policy_version: 1,
        household_codes: ["ZJ-LS-001"],
        variants: [
          {
            variant_id: "variant_a",
            title: "5斤装",
            price_fen: 1280,
            shares_fen: { household: 1024, cooperative: 0, property_office: 128, platform: 128 },
          },
        ],
      },
    }),
    ...extra,
  })
  return { store, calls, browser: testSessions(), pickup: createPickupApi(store) }
}

describe("order page", () => {
  it("shows an order placed from this browser, with what it sends to households", async () => {
    const { store, browser, pickup } = orderShop()
    await remember(browser, { orders: ["order_1"], orderCarts: { order_1: "cart_1" } })
    const result = payload<{ order: OrderView; trace: unknown }>(
      await loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_1"), "order_1")
    )
    expect(result.order).toMatchObject({
      number: "1",
      status: "placed",
      totalFen: 2560,
      contactName: "王小明",
      phoneLast4: "8000",
      pickup: null,
    })
    // From the order's own accruals and its traced batch (decision 023), not from today's price split.
    expect(result.trace).toEqual({
      households: { status: "posted", households: 1, amountFen: 2048 },
      traceable: ["ordli_1"],
      batches: {
        ordli_1: {
          harvestedOn: "2026-11-25",
          quantity: 120,
          quantityUnit: "斤",
          certificateNo: "HGZ-1",
          certificatePhotoUrl: "/static/hgz-1.png",
          recalled: false,
        },
      },
    })
  })

  it("says the households figure is being posted until the accrual is in the ledger", async () => {
    const { store, browser, pickup } = orderShop()
    await remember(browser, { token: jwt })
    const result = payload<{ trace: unknown }>(
      await loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_2"), "order_2")
    )
    expect(result.trace).toEqual({ households: { status: "pending" }, batches: {}, traceable: ["ordli_1"] })
  })

  it("is a 404 for a browser that placed the order but lost its cart proof (the backend asks for it)", async () => {
    const { store, browser, pickup } = orderShop()
    await remember(browser, { orders: ["order_1"], orderCarts: { order_1: "cart_9" } })
    const response = await thrown(
      loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_1"), "order_1")
    )
    expect(response.status).toBe(404)
  })

  it("is a 404 for anyone else holding the id", async () => {
    const { store, browser, pickup } = orderShop()
    const response = await thrown(
      loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_1"), "order_1")
    )
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ reason: "order-not-found" })
  })

  it("shows a signed-in customer their own order with its pickup details", async () => {
    const { store, browser, pickup } = orderShop({
      "GET /store/pickup-orders/:id": () => ({
        pickup: orderPickupJson({
          status: "ready",
          pickup_point: { id: "ppt_1", name: "物业前台", compound_name: "幸福里", address: "幸福路 1 号物业中心" },
          qr_token: "tok",
        }),
      }),
    })
    await remember(browser, { token: "jwt" })
    const { order } = payload<{ order: OrderView }>(
      await loadOrderPage(store, browser.sessions, pickup, browser.request("/orders/order_2"), "order_2")
    )
    expect(order.status).toBe("ready")
    expect(order.pickup).toMatchObject({
      compoundName: "幸福里",
      address: "幸福路 1 号物业中心",
      windowStart: "2026-11-30T08:00:00Z",
      qrToken: "tok",
    })
  })
})

describe("account page", () => {
  it("sends visitors who are not signed in to the login page and back", async () => {
    const { store, browser, pickup } = orderShop()
    const response = await thrown(loadAccountPage(store, browser.sessions, pickup, browser.request("/account")))
    expect(response.headers.get("Location")).toBe("/account/login?redirectTo=%2Faccount")
  })

  it("lists the customer's orders and, separately, guest orders from this device", async () => {
    const { store, browser, pickup } = orderShop()
    await remember(browser, {
      token: jwt,
      customer: { email: "w@example.com", name: "王" },
      orders: ["order_1", "order_2"],
      orderCarts: { order_1: "cart_1" },
    })
    const data = payload<{ orders: OrderView[]; deviceOrders: OrderView[] }>(
      await loadAccountPage(store, browser.sessions, pickup, browser.request("/account"))
    )
    expect(data.orders.map((o) => o.number)).toEqual(["2"])
    expect(data.deviceOrders.map((o) => o.number)).toEqual(["1"])
  })
})

describe("cancelling", () => {
  it("reports a refusal after the cutoff and success before it", async () => {
    const refused = orderShop({
      "POST /store/lianxin/orders/:id/cancel": () => Promise.reject(new FakeHttpError(409, "cutoff passed")),
    })
    expect(await cancelOrder(refused.store, "order_2", "jwt")).toBe("refused")
    const ok = orderShop({ "POST /store/lianxin/orders/:id/cancel": () => ({ order: { id: "order_2" } }) })
    await remember(ok.browser, { token: jwt })
    const response = await thrown(
      cancelOrderAction(
        ok.store,
        ok.browser.sessions,
        ok.browser.request("/account/orders/order_2/cancel", { confirm: "yes" }),
        "order_2"
      )
    )
    expect(response.headers.get("Location")).toBe("/account?notice=order.canceled")
  })
})
