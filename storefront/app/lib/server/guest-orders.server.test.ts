import { describe, expect, it } from "vitest"
import { availabilityNotes, unavailableReason, type AvailabilityView } from "../commerce"
import { checkoutAction } from "./checkout.server"
import { adoptRememberedCompound, compoundAction } from "./compound.server"
import { loginAction } from "./auth.server"
import { cancelOrderAction, loadOrderPage, revealCodeAction, type RevealActionData } from "./orders.server"
import { loadProductPage } from "./pages.server"
import { createPickupApi } from "./pickup.server"
import {
  availabilityJson,
  catalogProductJson,
  cycleJson,
  orderItemJson,
  orderPickupJson,
  ownOrderJson,
  pointJson,
} from "./testing/contract-fixtures"
import {
  fakeStore,
  FakeHttpError,
  payload,
  testSessions,
  testToken,
  thrown,
  type Handler,
  withCart,
  withCompound,
} from "./testing/fake-store"

/**
 * Issue 5's second half: guests get their pickup code (the cart an order was
 * placed from is their proof), cancel before the cutoff, hand orders to the
 * account they register, the compound is remembered on the account, and
 * products my cycle cannot take say so.
 */

const HOUR = 3_600_000
const point = pointJson("ppt_1", "测试小区", {
  name: "测试小区物业服务中心",
  office: { address: "杭州市西湖区测试路 1 号" },
})
const cycle = cycleJson({
  name: "每日",
  resident_cutoff_at: new Date(Date.now() + 5 * HOUR).toISOString(),
  pickup_starts_at: "2026-11-30T08:00:00.000Z",
  pickup_ends_at: "2026-11-30T12:00:00.000Z",
})
const orderJson = (id: string) =>
  ownOrderJson({
    id,
    display_id: 7,
    created_at: "2026-11-29T05:00:00Z",
    total: 12.8,
    items: [
      orderItemJson({
        product_id: "prod_apple",
        variant_id: "variant_a",
        product_title: "测试苹果",
        total: 12.8,
        unit_price: 12.8,
      }),
    ],
  })
const pickupJson = orderPickupJson({
  pickup_point: { id: point.id, name: point.name, compound_name: "测试小区", address: "杭州市西湖区测试路 1 号" },
  order_cycle: {
    id: cycle.id,
    name: cycle.name,
    pickup_starts_at: cycle.pickup_starts_at,
    pickup_ends_at: cycle.pickup_ends_at,
    resident_cutoff_at: cycle.resident_cutoff_at,
  },
})

function shop(extra: Record<string, Handler> = {}) {
  const { store, calls } = fakeStore({
    "GET /store/pickup-points": () => ({ pickup_points: [point] }),
    "GET /store/pickup-points/:id": ({ id }) => {
      if (id === "ppt_1") return { pickup_point: { ...point, order_cycles: [cycle] } }
      throw new FakeHttpError(404, `Pickup point ${id} was not found`)
    },
    "GET /store/pickup-points/:id/cycles": () => ({ order_cycles: [cycle] }),
    "POST /store/carts/:id/pickup": ({ id }) => ({ cart_pickup: { cart_id: id } }),
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
    // The one-request checkout; its code is left to the order's own route here (the guest's cart is the proof).
    "POST /store/lianxin/checkout": () => ({
      type: "order",
      order: { id: "order_1" },
      pickup: {
        point_id: point.id,
        compound_name: point.office.compound_name,
        address: point.office.address,
        order_cycle_id: cycle.id,
        pickup_starts_at: cycle.pickup_starts_at,
        pickup_ends_at: cycle.pickup_ends_at,
        resident_cutoff_at: cycle.resident_cutoff_at,
      },
      pickup_code: null,
    }),
    "GET /store/lianxin/orders/:id": ({ id }) => ({ order: orderJson(id ?? "order_1") }),
    // The guest routes: the cart that became the order is the proof; anything else is 404.
    "POST /store/pickup-orders/:id/code": (_p, init) => {
      if ((init.body as { cart_id?: string }).cart_id !== "cart_1")
        throw new FakeHttpError(404, "Pickup order not found")
      return { pickup_code: { code: "12345678", qr_token: "qr-token-of-order-1" } }
    },
    "GET /store/pickup-orders/:id": (_p, init) => {
      if ((init.query as { cart_id?: string } | undefined)?.cart_id !== "cart_1")
        throw new FakeHttpError(404, "Pickup order not found")
      return { pickup: pickupJson }
    },
    ...extra,
  })
  return { store, calls, browser: testSessions(), pickup: createPickupApi(store) }
}

const drawQr = async (token: string) => `data:image/svg+xml;base64,${Buffer.from(token).toString("base64")}`

async function guestCheckout(s: ReturnType<typeof shop>, form: Record<string, string> = {}) {
  await withCart(s.browser)
  const request = withCompound(
    s.browser.request("/checkout", { name: "王小明", mobile: "13800138000", cycleId: "pcyc_1", ...form })
  )
  return thrown(checkoutAction(s.store, s.browser.sessions, s.pickup, request))
}

describe("a guest's pickup code", () => {
  it("checkout keeps the order's cart in the session and issues the code with it as proof", async () => {
    const s = shop()
    const response = await guestCheckout(s)
    expect(response.headers.get("Location")).toBe("/orders/order_1")
    expect((await s.browser.session()).get("orderCarts")).toEqual({ order_1: "cart_1" })
    const issue = s.calls.find((c) => c.method === "POST" && c.path === "/store/pickup-orders/order_1/code")!
    expect(issue.init.body).toEqual({ cart_id: "cart_1" })
    expect(issue.init.headers).toBeUndefined()
  })

  it("the confirmation shows that code and its QR once, then not again", async () => {
    const s = shop()
    await guestCheckout(s)
    const first = payload<{
      revealed: { code: string; qrDataUrl: string } | null
      canAct: boolean
      order: { pickup: { windowStart: string } }
    }>(
      await loadOrderPage(
        s.store,
        s.browser.sessions,
        s.pickup,
        s.browser.request("/orders/order_1"),
        "order_1",
        drawQr
      )
    )
    expect(first.revealed).toEqual({ code: "12345678", qrDataUrl: await drawQr("qr-token-of-order-1") })
    expect(first.canAct).toBe(true)
    // The guest's pickup came from GET /store/pickup-orders/:id?cart_id=.
    expect(first.order.pickup.windowStart).toBe(cycle.pickup_starts_at)
    const again = payload<{ revealed: unknown }>(
      await loadOrderPage(
        s.store,
        s.browser.sessions,
        s.pickup,
        s.browser.request("/orders/order_1"),
        "order_1",
        drawQr
      )
    )
    expect(again.revealed).toBeNull()
  })

  it("asking again as the guest issues a fresh code with the cart as proof", async () => {
    const s = shop()
    await guestCheckout(s)
    const result = payload<RevealActionData>(
      await revealCodeAction(
        s.store,
        s.browser.sessions,
        s.pickup,
        s.browser.request("/orders/order_1", { intent: "code" }),
        "order_1",
        drawQr
      )
    )
    expect(result.revealed?.code).toBe("12345678")
  })

  it("a browser that did not place the order is sent to sign in, and no code is asked for", async () => {
    const s = shop()
    const response = await thrown(
      revealCodeAction(
        s.store,
        s.browser.sessions,
        s.pickup,
        s.browser.request("/orders/order_1", { intent: "code" }),
        "order_1",
        drawQr
      )
    )
    expect(response.headers.get("Location")).toBe("/account/login?redirectTo=%2Forders%2Forder_1")
    expect(s.calls.some((c) => c.path.endsWith("/code"))).toBe(false)
  })

  it("a guest who gives an email puts it on the cart (the account registered with it claims the order)", async () => {
    const s = shop()
    await guestCheckout(s, { email: " Wang@Example.com " })
    const checkout = s.calls.find((c) => c.method === "POST" && c.path === "/store/lianxin/checkout")!.init.body as {
      email?: string
    }
    expect(checkout.email).toBe("Wang@Example.com")
  })

  it("a checkout whose code cannot be issued still confirms the order", async () => {
    const s = shop({
      "POST /store/pickup-orders/:id/code": () => {
        throw new FakeHttpError(500, "boom")
      },
    })
    const response = await guestCheckout(s)
    expect(response.headers.get("Location")).toBe("/orders/order_1")
  })
})

describe("cancel", () => {
  const cancelRequest = (s: ReturnType<typeof shop>, returnTo = "order", confirm: string | null = "yes") =>
    s.browser.request("/account/orders/order_1/cancel", { returnTo, ...(confirm === null ? {} : { confirm }) })

  it("asks once before cancelling: a first post without confirm=yes cancels nothing and opens the question", async () => {
    const s = shop({ "POST /store/lianxin/orders/:id/cancel": ({ id }) => ({ order: { id, status: "canceled" } }) })
    await guestCheckout(s)
    const asked = await thrown(
      cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s, "order", null), "order_1")
    )
    expect(asked.status).toBe(303)
    expect(asked.headers.get("Location")).toBe("/orders/order_1?cancel=order_1")
    expect(s.calls.some((c) => c.path.includes("/cancel"))).toBe(false)
    // Anything but "yes" is not a confirmation either.
    const odd = await thrown(
      cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s, "order", "true"), "order_1")
    )
    expect(odd.status).toBe(400)
    expect(s.calls.some((c) => c.path.includes("/cancel"))).toBe(false)
    const confirmed = await thrown(cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s, "order"), "order_1"))
    expect(confirmed.headers.get("Location")).toBe("/orders/order_1?notice=order.canceled")
    expect(s.calls.filter((c) => c.path === "/store/lianxin/orders/order_1/cancel")).toHaveLength(1)
  })

  it("a guest cancels with the cart as proof and comes back to the order page", async () => {
    const s = shop({ "POST /store/lianxin/orders/:id/cancel": ({ id }) => ({ order: { id, status: "canceled" } }) })
    await guestCheckout(s)
    const response = await thrown(cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s), "order_1"))
    expect(response.headers.get("Location")).toBe("/orders/order_1?notice=order.canceled")
    expect(s.calls.find((c) => c.path === "/store/lianxin/orders/order_1/cancel")!.init.body).toEqual({
      cart_id: "cart_1",
    })
  })

  it("after the cutoff (409) the page says the order can no longer be canceled", async () => {
    const s = shop({
      "POST /store/lianxin/orders/:id/cancel": () => {
        throw new FakeHttpError(409, "已过截单时间 / past the cutoff")
      },
    })
    await guestCheckout(s)
    const response = await thrown(
      cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s, "account"), "order_1")
    )
    // A guest has no account page: back to the order.
    expect(response.headers.get("Location")).toBe("/orders/order_1?notice=order.cancelRefused")
  })

  it("the signed-in customer cancels with the token and returns to the account", async () => {
    const s = shop({ "POST /store/lianxin/orders/:id/cancel": ({ id }) => ({ order: { id, status: "canceled" } }) })
    const session = await s.browser.session()
    session.set("token", testToken())
    await s.browser.sessions.commit(s.browser.request("/"), session)
    const response = await thrown(
      cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s, "account"), "order_1")
    )
    expect(response.headers.get("Location")).toBe("/account?notice=order.canceled")
    const call = s.calls.find((c) => c.path === "/store/lianxin/orders/order_1/cancel")!
    expect((call.init.headers as Record<string, string>).authorization).toMatch(/^Bearer /)
  })

  it("someone with neither token nor the order's cart is sent to sign in; the backend is not asked", async () => {
    const s = shop()
    const response = await thrown(cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s), "order_1"))
    expect(response.headers.get("Location")).toMatch(/^\/account\/login/)
    expect(s.calls.some((c) => c.path.includes("/cancel"))).toBe(false)
  })

  it("a forged returnTo is a 400, not a redirect anywhere", async () => {
    const s = shop({ "POST /store/lianxin/orders/:id/cancel": ({ id }) => ({ order: { id, status: "canceled" } }) })
    await guestCheckout(s)
    const response = await thrown(
      cancelOrderAction(s.store, s.browser.sessions, cancelRequest(s, "https://evil.example"), "order_1")
    )
    expect(response.status).toBe(400)
    expect(s.calls.some((c) => c.path.includes("/cancel"))).toBe(false)
  })
})

describe("the compound on the account", () => {
  it("choosing a compound while signed in remembers it on the account too", async () => {
    const s = shop({
      "POST /store/customers/me/pickup-point": (_p, init) => ({
        pickup_point: { ...point, id: (init.body as { pickup_point_id: string }).pickup_point_id },
      }),
    })
    const session = await s.browser.session()
    session.set("token", testToken())
    await s.browser.sessions.commit(s.browser.request("/"), session)
    const response = await thrown(
      compoundAction(s.browser.request("/compound", { pickupPointId: "ppt_1" }), {
        sessions: s.browser.sessions,
        pickup: s.pickup,
      })
    )
    expect(response.headers.get("Set-Cookie")).toMatch(/^lx_compound=ppt_1;/)
    expect(s.calls.find((c) => c.path === "/store/customers/me/pickup-point")!.init.body).toEqual({
      pickup_point_id: "ppt_1",
    })
  })

  it("a guest's choice stays in the cookie only", async () => {
    const s = shop()
    await thrown(
      compoundAction(s.browser.request("/compound", { pickupPointId: "ppt_1" }), {
        sessions: s.browser.sessions,
        pickup: s.pickup,
      })
    )
    expect(s.calls.some((c) => c.path === "/store/customers/me/pickup-point")).toBe(false)
  })

  it("after signing in, the account's compound becomes this browser's when it has none, and only then", async () => {
    const s = shop({ "GET /store/customers/me/pickup-point": () => ({ pickup_point: point }) })
    const bare = new Request("http://shop.test/account/login")
    expect(await adoptRememberedCompound(s.pickup, bare, testToken())).toMatch(/^lx_compound=ppt_1;/)
    expect(await adoptRememberedCompound(s.pickup, withCompound(bare, "ppt_other"), testToken())).toBeNull()
  })

  it("login sets both the session and the remembered compound", async () => {
    const s = shop({
      "POST /auth/customer/emailpass": () => ({ token: testToken() }),
      "GET /store/customers/me": () => ({ customer: { email: "wang@example.com", first_name: "王小明" } }),
      "GET /store/customers/me/pickup-point": () => ({ pickup_point: point }),
    })
    const response = await thrown(
      loginAction(
        s.store,
        s.browser.sessions,
        s.browser.request("/account/login", {
          email: "wang@example.com",
          password: "lianxin-2026",
          redirectTo: "/account",
        }),
        s.pickup
      )
    )
    const cookies = response.headers.getSetCookie()
    expect(cookies.some((c) => c.startsWith("lx_session="))).toBe(true)
    expect(cookies.some((c) => c.startsWith("lx_compound=ppt_1;"))).toBe(true)
  })

  it("claimed guest orders leave the device list (and their cart proof) after signing in", async () => {
    const s = shop({
      "POST /auth/customer/emailpass": () => ({ token: testToken() }),
      "GET /store/customers/me": () => ({ customer: { email: "wang@example.com", first_name: "王小明" } }),
      "POST /store/lianxin/orders/claim": (_p, init) => ({
        claimed: (init.body as { orders: Array<{ id: string }> }).orders.map((o) => o.id),
      }),
    })
    await guestCheckout(s)
    await thrown(
      loginAction(
        s.store,
        s.browser.sessions,
        s.browser.request("/account/login", {
          email: "wang@example.com",
          password: "lianxin-2026",
          redirectTo: "/account",
        }),
        s.pickup
      )
    )
    const session = await s.browser.session()
    // Each order with its proof, the cart it was placed from (the account's email proves nothing, decision 015).
    expect(s.calls.find((c) => c.path === "/store/lianxin/orders/claim")!.init.body).toEqual({
      orders: [{ id: "order_1", cart_id: "cart_1" }],
    })
    expect(session.get("orders")).toEqual([])
    expect(session.get("orderCarts")).toBeUndefined()
  })
})

describe("pickup point detail", () => {
  it("reads GET /store/pickup-points/:id", async () => {
    const s = shop()
    expect((await s.pickup.getPoint("ppt_1"))?.compoundName).toBe("测试小区")
    expect(await s.pickup.getPoint("ppt_gone")).toBeNull()
    expect(s.calls.some((c) => c.path === "/store/pickup-points")).toBe(false)
  })
})

describe("unavailable for my cycle", () => {
  const open = (chilled: number, ambient: number): AvailabilityView => ({
    cycleId: "pcyc_1",
    open: true,
    reason: null,
    remaining: { chilled, ambient },
  })

  it("decides per storage class, and says nothing when availability is unknown", () => {
    expect(unavailableReason(open(0, 3), "chilled")).toBe("full")
    expect(unavailableReason(open(0, 3), "ambient")).toBeNull()
    expect(unavailableReason({ ...open(5, 5), open: false, reason: "cutoff_passed" }, "ambient")).toBe("cutoff_passed")
    expect(unavailableReason({ ...open(5, 5), open: false, reason: null }, "ambient")).toBe("no_cycle")
    expect(unavailableReason(null, "chilled")).toBeNull()
  })

  it("checkout warns about a closed cycle, or each storage class that is full", () => {
    expect(availabilityNotes(null)).toEqual([])
    expect(availabilityNotes(open(3, 3))).toEqual([])
    expect(availabilityNotes(open(0, 3))).toEqual(["availability.full.chilled"])
    expect(availabilityNotes(open(0, 0))).toEqual(["availability.full.chilled", "availability.full.ambient"])
    expect(availabilityNotes({ ...open(0, 0), open: false, reason: "batch_closed" })).toEqual([
      "availability.batch_closed",
    ])
  })

  const availability =
    (body: unknown): Handler =>
    () =>
      body
  const eggs =
    (storage: "chilled" | "ambient" = "chilled"): Handler =>
    () =>
      catalogProductJson("eggs", { title: "土鸡蛋", storage })

  it("the product page of a chilled product says so when my point's chilled places are gone", async () => {
    const s = shop({
      "GET /store/pickup-points/:id/availability": availability(
        availabilityJson({
          classes: { chilled: { capacity: 10, remaining: 0 }, ambient: { capacity: 10, remaining: 4 } },
        })
      ),
      "GET /store/lianxin/catalog/products/:handle": eggs(),
    })
    const page = (request: Request) =>
      loadProductPage(s.store, "eggs", request, s.pickup).then((r) =>
        payload<{ unavailable: string | null; compound: unknown }>(r)
      )
    expect((await page(withCompound(new Request("http://shop.test/products/eggs")))).unavailable).toBe("full")
    // Without a compound nothing is known: the product can be added, checkout decides.
    const none = await page(new Request("http://shop.test/products/eggs"))
    expect(none.unavailable).toBeNull()
    expect(none.compound).toBeNull()
  })

  it("a closed cycle marks every product, and a malformed answer marks none", async () => {
    const closed = shop({
      "GET /store/pickup-points/:id/availability": availability(
        availabilityJson({
          order_cycle_id: null,
          open: false,
          reason: "no_cycle",
          classes: { chilled: { capacity: 0, remaining: 0 }, ambient: { capacity: 0, remaining: 0 } },
        })
      ),
      "GET /store/lianxin/catalog/products/:handle": eggs("ambient"),
    })
    const r = payload<{ unavailable: string | null }>(
      await loadProductPage(
        closed.store,
        "eggs",
        withCompound(new Request("http://shop.test/products/eggs")),
        closed.pickup
      )
    )
    expect(r.unavailable).toBe("no_cycle")

    const odd = shop({
      "GET /store/pickup-points/:id/availability": availability({ availability: { open: "yes" } }),
      "GET /store/lianxin/catalog/products/:handle": eggs(),
    })
    const o = payload<{ unavailable: string | null }>(
      await loadProductPage(odd.store, "eggs", withCompound(new Request("http://shop.test/products/eggs")), odd.pickup)
    )
    expect(o.unavailable).toBeNull()
  })

  it("a nearest cycle whose batch left does not mark products when the next cycle is open (never a dead end)", async () => {
    const cycle = (id: string, cutoffIn: number) =>
      cycleJson({
        id,
        name: "每日",
        resident_cutoff_at: new Date(Date.now() + cutoffIn).toISOString(),
        pickup_starts_at: new Date(Date.now() + cutoffIn + 18 * HOUR).toISOString(),
        pickup_ends_at: new Date(Date.now() + cutoffIn + 22 * HOUR).toISOString(),
      })
    const s = shop({
      "GET /store/pickup-points/:id/cycles": () => ({
        order_cycles: [cycle("pcyc_1", HOUR), cycle("pcyc_2", 25 * HOUR)],
      }),
      "GET /store/pickup-points/:id/availability": (_p, init) =>
        init.query?.order_cycle_id === "pcyc_2"
          ? availabilityJson({
              order_cycle_id: "pcyc_2",
              classes: { chilled: { capacity: 10, remaining: 5 }, ambient: { capacity: 10, remaining: 5 } },
            })
          : availabilityJson({
              open: false,
              reason: "batch_closed",
              classes: { chilled: { capacity: 10, remaining: 0 }, ambient: { capacity: 10, remaining: 0 } },
            }),
      "GET /store/lianxin/catalog/products/:handle": eggs(),
    })
    const r = payload<{ unavailable: string | null }>(
      await loadProductPage(s.store, "eggs", withCompound(new Request("http://shop.test/products/eggs")), s.pickup)
    )
    expect(r.unavailable).toBeNull()
  })
})
