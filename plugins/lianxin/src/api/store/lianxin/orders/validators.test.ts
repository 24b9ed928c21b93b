import { describe, expect, it } from "vitest"
import { StoreCancelOrderBody, StoreClaimByContactBody, StoreClaimCodeBody, StoreClaimOrdersBody } from "./validators"

const order = (n: number) => `order_01JABCDEFGHJKMNPQRSTV${String(n).padStart(5, "0")}`
const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join("."))

describe("StoreCancelOrderBody", () => {
  it("takes nothing (signed in) or a cart id (guest)", () => {
    expect(StoreCancelOrderBody.parse({})).toEqual({})
    expect(StoreCancelOrderBody.parse({ cart_id: "cart_01JABCDEFGHJKMNPQRSTVWXYZ0" })).toEqual({
      cart_id: "cart_01JABCDEFGHJKMNPQRSTVWXYZ0",
    })
  })

  it("names the field of a bad cart id or an unknown field", () => {
    expect(paths(StoreCancelOrderBody.safeParse({ cart_id: "order_01JABCDEFGHJKMNPQRSTVWXYZ0" }))).toEqual(["cart_id"])
    expect(paths(StoreCancelOrderBody.safeParse({ cart_id: 7 }))).toEqual(["cart_id"])
    expect(StoreCancelOrderBody.safeParse({ reason: "x" }).success).toBe(false)
  })
})

const cart = (n: number) => `cart_01JABCDEFGHJKMNPQRSTV${String(n).padStart(5, "0")}`

describe("StoreClaimOrdersBody", () => {
  it("takes 1 to 50 orders, each with the cart it was placed from", () => {
    const one = { orders: [{ id: order(1), cart_id: cart(1) }] }
    expect(StoreClaimOrdersBody.parse(one)).toEqual(one)
    expect(
      StoreClaimOrdersBody.safeParse({
        orders: Array.from({ length: 50 }, (_, i) => ({ id: order(i), cart_id: cart(i) })),
      }).success
    ).toBe(true)
  })

  it("refuses none, more than 50, an order without its proof, or a malformed id, naming the field", () => {
    expect(paths(StoreClaimOrdersBody.safeParse({ orders: [] }))).toEqual(["orders"])
    expect(
      paths(
        StoreClaimOrdersBody.safeParse({
          orders: Array.from({ length: 51 }, (_, i) => ({ id: order(i), cart_id: cart(i) })),
        })
      )
    ).toEqual(["orders"])
    expect(paths(StoreClaimOrdersBody.safeParse({ orders: [{ id: order(1) }] }))).toEqual(["orders.0.cart_id"])
    expect(paths(StoreClaimOrdersBody.safeParse({ orders: [{ id: "1; drop table", cart_id: cart(1) }] }))).toEqual([
      "orders.0.id",
    ])
    // The old shape (ids alone, ownership assumed from the account's email) is gone.
    expect(StoreClaimOrdersBody.safeParse({ order_ids: [order(1)] }).success).toBe(false)
  })
})

describe("claim by contact", () => {
  it("normalises a mainland mobile and needs the six digits of the code", () => {
    expect(StoreClaimByContactBody.parse({ channel: "sms", to: "+86 138-0013-8000", code: "123456" })).toEqual({
      channel: "sms",
      to: "13800138000",
      code: "123456",
    })
    expect(paths(StoreClaimByContactBody.safeParse({ channel: "sms", to: "12345", code: "123456" }))).toEqual(["to"])
    expect(paths(StoreClaimByContactBody.safeParse({ channel: "email", to: "a@b.cn", code: "12345" }))).toEqual([
      "code",
    ])
    expect(StoreClaimCodeBody.safeParse({ channel: "email", to: "Wang@Example.cn", locale: "en" }).success).toBe(true)
    expect(StoreClaimCodeBody.safeParse({ channel: "fax", to: "1" }).success).toBe(false)
  })
})
