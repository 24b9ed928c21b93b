import { describe, expect, it } from "vitest"
import { StoreCancelOrderBody, StoreClaimOrdersBody } from "./validators"

const order = (n: number) => `order_01JABCDEFGHJKMNPQRSTV${String(n).padStart(5, "0")}`
const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join("."))

describe("StoreCancelOrderBody", () => {
  it("takes nothing (signed in) or a cart id (guest)", () => {
    expect(StoreCancelOrderBody.parse({})).toEqual({})
    expect(StoreCancelOrderBody.parse({ cart_id: "cart_01JABCDEFGHJKMNPQRSTVWXYZ0" })).toEqual({ cart_id: "cart_01JABCDEFGHJKMNPQRSTVWXYZ0" })
  })

  it("names the field of a bad cart id or an unknown field", () => {
    expect(paths(StoreCancelOrderBody.safeParse({ cart_id: "order_01JABCDEFGHJKMNPQRSTVWXYZ0" }))).toEqual(["cart_id"])
    expect(paths(StoreCancelOrderBody.safeParse({ cart_id: 7 }))).toEqual(["cart_id"])
    expect(StoreCancelOrderBody.safeParse({ reason: "x" }).success).toBe(false)
  })
})

describe("StoreClaimOrdersBody", () => {
  it("takes 1 to 50 order ids", () => {
    expect(StoreClaimOrdersBody.parse({ order_ids: [order(1)] })).toEqual({ order_ids: [order(1)] })
    expect(StoreClaimOrdersBody.safeParse({ order_ids: Array.from({ length: 50 }, (_, i) => order(i)) }).success).toBe(true)
  })

  it("refuses none, more than 50, or a malformed id, naming the field", () => {
    expect(paths(StoreClaimOrdersBody.safeParse({ order_ids: [] }))).toEqual(["order_ids"])
    expect(paths(StoreClaimOrdersBody.safeParse({ order_ids: Array.from({ length: 51 }, (_, i) => order(i)) }))).toEqual(["order_ids"])
    expect(paths(StoreClaimOrdersBody.safeParse({ order_ids: [order(1), "1; drop table"] }))).toEqual(["order_ids.1"])
    expect(paths(StoreClaimOrdersBody.safeParse({}))).toEqual(["order_ids"])
  })
})
