import { describe, expect, it } from "vitest"
import { cartAction, loadCartPage, type toCartView } from "./cart.server"
import { fakeStore, FakeHttpError, initOf, payload, testSessions, thrown } from "./testing/fake-store"

const cartJson = (items: Array<{ id: string; quantity: number; unit: number }>) => ({
  cart: {
    id: "cart_1",
    completed_at: null,
    total: items.reduce((s, i) => s + i.unit * i.quantity, 0),
    items: items.map((i, n) => ({
      id: i.id,
      variant_id: "variant_a",
      product_handle: "e2e-apple",
      product_title: "测试苹果",
      variant_title: "5斤装",
      thumbnail: null,
      quantity: i.quantity,
      unit_price: i.unit,
      total: i.unit * i.quantity,
      created_at: `2026-11-29T00:00:0${n}Z`,
    })),
  },
})

function shop() {
  let lines: Array<{ id: string; quantity: number; unit: number }> = []
  const { store, calls } = fakeStore({
    "POST /store/carts": () => ({ cart: { id: "cart_1" } }),
    "GET /store/carts/:id": () => cartJson(lines),
    "POST /store/carts/:id/line-items": (_p, init) => {
      const body = init.body as { variant_id: string; quantity: number }
      if (body.quantity > 40) throw new FakeHttpError(400, "Some variant does not have the required inventory")
      lines.push({ id: `cali_${lines.length + 1}`, quantity: body.quantity, unit: 12.8 })
      return { cart: { id: "cart_1" } }
    },
    "POST /store/carts/:id/line-items/:line": ({ line }, init) => {
      lines = lines.map((l) => (l.id === line ? { ...l, quantity: (init.body as { quantity: number }).quantity } : l))
      return { cart: { id: "cart_1" } }
    },
    "DELETE /store/carts/:id/line-items/:line": ({ line }) => {
      lines = lines.filter((l) => l.id !== line)
      return { deleted: true }
    },
  })
  return { store, calls, browser: testSessions() }
}

describe("cart action", () => {
  it("creates a cart on the first add, remembers it and redirects back with a notice", async () => {
    const { store, calls, browser } = shop()
    const response = await thrown(
      cartAction(
        store,
        browser.sessions,
        browser.request("/products/e2e-apple", {
          intent: "add",
          variantId: "variant_a",
          quantity: "2",
          redirectTo: "/products/e2e-apple",
        })
      )
    )
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe("/products/e2e-apple?notice=cart.added")
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "POST /store/carts",
      "POST /store/carts/cart_1/line-items",
      "GET /store/carts/cart_1",
    ])
    expect(calls[0]!.init.body).toEqual({ region_id: "reg_cn" })
    const session = await browser.session()
    expect(session.get("cartId")).toBe("cart_1")
    expect(session.get("cartCount")).toBe(2)
  })

  it("updates and removes lines of the remembered cart", async () => {
    const { store, browser } = shop()
    await thrown(
      cartAction(
        store,
        browser.sessions,
        browser.request("/cart", { intent: "add", variantId: "variant_a", quantity: "1" })
      )
    )
    const updated = await thrown(
      cartAction(
        store,
        browser.sessions,
        browser.request("/cart", { intent: "update", lineId: "cali_1", quantity: "5" })
      )
    )
    expect(updated.headers.get("Location")).toBe("/cart?notice=cart.updated")
    expect((await browser.session()).get("cartCount")).toBe(5)
    const removed = await thrown(
      cartAction(store, browser.sessions, browser.request("/cart", { intent: "remove", lineId: "cali_1" }))
    )
    expect(removed.headers.get("Location")).toBe("/cart?notice=cart.removed")
    expect((await browser.session()).get("cartCount")).toBe(0)
  })

  it("returns field errors for quantity 0 and 10,000 without calling the backend", async () => {
    const { store, calls, browser } = shop()
    for (const [quantity, key] of [
      ["0", "form.quantity.min"],
      ["10000", "form.quantity.max"],
    ] as const) {
      const result = await cartAction(
        store,
        browser.sessions,
        browser.request("/cart", { intent: "add", variantId: "variant_a", quantity })
      )
      expect(initOf(result).status).toBe(400)
      expect(payload(result)).toMatchObject({ ok: false, errors: { quantity: key }, values: { quantity } })
    }
    expect(calls).toEqual([])
  })

  it("turns Medusa's stock refusal into a message at the quantity", async () => {
    const { store, browser } = shop()
    const result = await cartAction(
      store,
      browser.sessions,
      browser.request("/cart", { intent: "add", variantId: "variant_a", quantity: "50" })
    )
    expect(payload(result)).toMatchObject({ ok: false, errors: { quantity: "cart.error.stock" } })
  })

  it("never redirects elsewhere than this site", async () => {
    const { store, browser } = shop()
    const response = await thrown(
      cartAction(
        store,
        browser.sessions,
        browser.request("/cart", { intent: "add", variantId: "variant_a", quantity: "1", redirectTo: "//evil.example" })
      )
    )
    expect(response.headers.get("Location")).toBe("/cart?notice=cart.added")
  })
})

describe("cart page loader", () => {
  it("shows the cart in the order lines were added, privately", async () => {
    const { store, browser } = shop()
    await thrown(
      cartAction(
        store,
        browser.sessions,
        browser.request("/cart", { intent: "add", variantId: "variant_a", quantity: "1" })
      )
    )
    await thrown(
      cartAction(
        store,
        browser.sessions,
        browser.request("/cart", { intent: "add", variantId: "variant_a", quantity: "2" })
      )
    )
    const result = await loadCartPage(store, browser.sessions, browser.request("/cart"))
    const { cart } = payload<{ cart: ReturnType<typeof toCartView> }>(result)
    expect(cart.lines.map((l) => [l.id, l.quantity, l.unitFen, l.totalFen])).toEqual([
      ["cali_1", 1, 1280, 1280],
      ["cali_2", 2, 1280, 2560],
    ])
    expect(cart.totalFen).toBe(3840)
    expect(new Headers(initOf(result).headers).get("Cache-Control")).toBe("private, no-store")
  })

  it("forgets a cart the backend no longer has", async () => {
    const { browser } = shop()
    const { store } = fakeStore({
      "GET /store/carts/:id": () => Promise.reject(new FakeHttpError(404, "Cart with id cart_1 was not found")),
    })
    const session = await browser.session()
    session.set("cartId", "cart_1")
    await browser.sessions.commit(browser.request("/"), session)
    const result = await loadCartPage(store, browser.sessions, browser.request("/cart"))
    expect(payload(result)).toMatchObject({ cart: null })
    expect((await browser.session()).get("cartId")).toBeUndefined()
  })
})
