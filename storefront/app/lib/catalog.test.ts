import { describe, expect, it } from "vitest"
import {
  gramsOf,
  initialVariant,
  productStock,
  summarise,
  unitOf,
  unitPrice,
  variantStock,
  weightFromTitle,
  type VariantView,
} from "./catalog"

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
    expect(variantStock({ manageInventory: true, allowBackorder: false, quantity: 3 })).toEqual({
      kind: "low",
      count: 3,
    })
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

describe("price per 斤 or kg", () => {
  it("reads a pack's net weight from its title", () => {
    expect(weightFromTitle("5斤装")).toBe(2500)
    expect(weightFromTitle("2.5kg")).toBe(2500)
    expect(weightFromTitle("1KG")).toBe(1000)
    expect(weightFromTitle("500g")).toBe(500)
    expect(weightFromTitle("500 克")).toBe(500)
    expect(weightFromTitle("2公斤装")).toBe(2000)
    expect(weightFromTitle("30枚")).toBeNull()
    expect(weightFromTitle("2-3斤")).toBeNull()
    expect(weightFromTitle("5斤 + 500g")).toBeNull()
    expect(weightFromTitle(null)).toBeNull()
    expect(weightFromTitle("Default variant")).toBeNull()
  })

  it("takes Medusa's weight or metadata when it is a positive number", () => {
    expect(gramsOf(2500)).toBe(2500)
    expect(gramsOf("1500")).toBe(1500)
    expect(gramsOf(0)).toBeNull()
    expect(gramsOf("")).toBeNull()
    expect(gramsOf("heavy")).toBeNull()
    expect(gramsOf(null)).toBeNull()
  })

  it("per 斤 in Chinese for packs named in 斤, per kg for kg/g packs and in English, rounded to the fen", () => {
    const apples = variant({ title: "5斤装", priceFen: 3990, weightG: 2500 })
    expect(unitPrice(apples, "zh-CN")).toEqual({ fen: 798, unit: "斤" })
    expect(unitPrice(apples, "en")).toEqual({ fen: 1596, unit: "kg" })
    expect(unitPrice(variant({ title: "10斤装", priceFen: 7200, weightG: 5000 }), "zh-CN")).toEqual({
      fen: 720,
      unit: "斤",
    })
    expect(unitPrice(variant({ title: "2.5kg", priceFen: 5800, weightG: 2500 }), "zh-CN")).toEqual({
      fen: 2320,
      unit: "kg",
    })
    expect(unitPrice(variant({ title: "500g", priceFen: 3990, weightG: 500 }), "zh-CN")).toEqual({
      fen: 7980,
      unit: "kg",
    })
    // 19.90 for 3 斤 is 6.633… a 斤: rounded, never a float.
    expect(unitPrice(variant({ title: "3斤装", priceFen: 1990, weightG: 1500 }), "zh-CN")).toEqual({
      fen: 663,
      unit: "斤",
    })
    expect(unitPrice(variant({ title: "30枚", priceFen: 3990, weightG: null }), "zh-CN")).toBeNull()
    expect(unitPrice(variant({ title: "5斤装", priceFen: null, weightG: 2500 }), "zh-CN")).toBeNull()
  })
})

describe("initialVariant", () => {
  const small = variant({ id: "v_small", priceFen: 3990 })
  const large = variant({ id: "v_large", priceFen: 7200 })
  const gone = variant({ id: "v_gone", priceFen: 100, stock: { kind: "out" } })

  it("starts with the cheapest pack that can be bought (whatever order the backend lists them in), or the one posted back", () => {
    expect(initialVariant([gone, large, small])?.id).toBe("v_small")
    expect(initialVariant([large, small])?.id).toBe("v_small")
    expect(initialVariant([large, variant({ id: "v_small_too", priceFen: 3990 }), small])?.id).toBe("v_small_too")
    expect(initialVariant([small, large], "v_large")?.id).toBe("v_large")
    expect(initialVariant([small, large], "v_unknown")?.id).toBe("v_small")
    expect(initialVariant([small, gone], "v_gone")?.id).toBe("v_small")
    expect(initialVariant([gone])?.id).toBe("v_gone")
    expect(initialVariant([])).toBeNull()
  })
})
