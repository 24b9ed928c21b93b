import { describe, expect, it } from "vitest"
import { productStock, summarise, unitOf, variantStock, type VariantView } from "./catalog"

const variant = (over: Partial<VariantView>): VariantView => ({
  id: "v",
  title: null,
  priceFen: null,
  stock: { kind: "in" },
  ...over,
})

describe("variantStock", () => {
  it("follows Medusa's inventory rules", () => {
    expect(variantStock({ manageInventory: true, allowBackorder: false, quantity: 0 })).toEqual({ kind: "out" })
    expect(variantStock({ manageInventory: true, allowBackorder: false, quantity: 3 })).toEqual({ kind: "low", count: 3 })
    expect(variantStock({ manageInventory: true, allowBackorder: false, quantity: 40 })).toEqual({ kind: "in" })
    expect(variantStock({ manageInventory: false, allowBackorder: false, quantity: 0 })).toEqual({ kind: "in" })
    expect(variantStock({ manageInventory: true, allowBackorder: true, quantity: 0 })).toEqual({ kind: "in" })
    expect(variantStock({ manageInventory: true, allowBackorder: false, quantity: null })).toEqual({ kind: "in" })
  })
})

describe("productStock", () => {
  it("is available when any variant is", () => {
    expect(productStock([{ kind: "out" }, { kind: "in" }])).toEqual({ kind: "in" })
    expect(productStock([{ kind: "out" }, { kind: "low", count: 2 }])).toEqual({ kind: "low", count: 2 })
    expect(productStock([{ kind: "out" }, { kind: "out" }])).toEqual({ kind: "out" })
    expect(productStock([])).toEqual({ kind: "out" })
  })
})

describe("summarise", () => {
  it("shows the lowest price and whether prices vary", () => {
    const s = summarise({ id: "p", handle: "h", title: "苹果", thumbnail: null }, [
      variant({ id: "a", title: "5斤装", priceFen: 3990 }),
      variant({ id: "b", title: "10斤装", priceFen: 6990 }),
    ])
    expect(s.priceFen).toBe(3990)
    expect(s.priceVaries).toBe(true)
    expect(s.unit).toBeNull()
  })

  it("names the unit of a single variant but not Medusa's placeholder", () => {
    expect(unitOf([variant({ title: "30枚" })])).toBe("30枚")
    expect(unitOf([variant({ title: "Default variant" })])).toBeNull()
  })
})
