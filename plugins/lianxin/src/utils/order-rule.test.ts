import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { cycleOffer, nextOpenCycle, offeredCycles, orderRefusal, type CycleAtPoint } from "./order-rule"
import { stockShortfall, type StockLine } from "./stock-check"

const cutoff = new Date("2026-12-06T14:00:00Z") // 22:00 Shanghai
const point = { capacity_chilled: 2, capacity_ambient: 3 }
const state = (over: Partial<CycleAtPoint> = {}): CycleAtPoint => ({
  cycle: { id: "pcyc_a", resident_cutoff_at: cutoff, canceled_at: null },
  batch: null,
  point,
  ...over,
})
const before = new Date(cutoff.getTime() - 1)

describe("the ordering rule", () => {
  it("takes an order until the cutoff instant, not at it", () => {
    expect(orderRefusal(state(), "ambient", before)).toBeNull()
    expect(orderRefusal(state(), "ambient", cutoff)).toBe("cutoff_passed")
  })

  it("refuses a canceled cycle, a missing one, and a batch whose delivery has left", () => {
    expect(
      orderRefusal(
        state({ cycle: { id: "x", resident_cutoff_at: cutoff, canceled_at: new Date(0) } }),
        "ambient",
        before
      )
    ).toBe("cycle_canceled")
    expect(orderRefusal(state({ cycle: null }), "ambient", before)).toBe("no_cycle")
    for (const status of ["open", "harvest_frozen"]) {
      expect(
        orderRefusal(state({ batch: { status, reserved_chilled: 0, reserved_ambient: 0 } }), "ambient", before)
      ).toBeNull()
    }
    for (const status of ["arrived", "ready"]) {
      expect(
        orderRefusal(state({ batch: { status, reserved_chilled: 0, reserved_ambient: 0 } }), "ambient", before)
      ).toBe("batch_closed")
    }
  })

  it("counts places per storage class: a full chilled class still takes ambient orders", () => {
    const s = state({ batch: { status: "open", reserved_chilled: 2, reserved_ambient: 1 } })
    expect(orderRefusal(s, "chilled", before)).toBe("point_full")
    expect(orderRefusal(s, "ambient", before)).toBeNull()
    expect(cycleOffer(s, before)).toEqual({ refusal: null, places_left: { chilled: 0, ambient: 2 } })
    const full = state({ batch: { status: "open", reserved_chilled: 2, reserved_ambient: 3 } })
    expect(cycleOffer(full, before)).toEqual({ refusal: "point_full", places_left: { chilled: 0, ambient: 0 } })
  })

  it("a closed cycle offers no places, whatever its counters", () => {
    const s = state({ batch: { status: "arrived", reserved_chilled: 0, reserved_ambient: 0 } })
    expect(cycleOffer(s, before)).toEqual({ refusal: "batch_closed", places_left: { chilled: 0, ambient: 0 } })
  })

  it("offers only cycles that take an order; the next open one is the first of them (for the order's class)", () => {
    const arrived = {
      ...state({ batch: { status: "arrived", reserved_chilled: 0, reserved_ambient: 0 } }),
      tag: "arrived",
    }
    const chilledFull = {
      ...state({ batch: { status: "open", reserved_chilled: 2, reserved_ambient: 0 } }),
      tag: "chilled-full",
    }
    const open = { ...state(), tag: "open" }
    const list = [arrived, chilledFull, open]
    expect(offeredCycles(list, before).map((s) => s.tag)).toEqual(["chilled-full", "open"])
    expect(nextOpenCycle(list, before)?.tag).toBe("chilled-full")
    expect(nextOpenCycle(list, before, "ambient")?.tag).toBe("chilled-full")
    expect(nextOpenCycle(list, before, "chilled")?.tag).toBe("open")
    expect(nextOpenCycle([arrived], before)).toBeNull()
  })

  it("whatever the state: a cycle is offered exactly when some class has a place an order could take", () => {
    fc.assert(
      fc.property(
        fc.record({
          canceled: fc.boolean(),
          minutesToCutoff: fc.integer({ min: -120, max: 120 }),
          status: fc.constantFrom("open", "harvest_frozen", "arrived", "ready"),
          chilled: fc.integer({ min: 0, max: 4 }),
          ambient: fc.integer({ min: 0, max: 5 }),
          capChilled: fc.integer({ min: 0, max: 3 }),
          capAmbient: fc.integer({ min: 0, max: 3 }),
        }),
        (v) => {
          const now = new Date(cutoff.getTime() - v.minutesToCutoff * 60_000)
          const s: CycleAtPoint = {
            cycle: { id: "c", resident_cutoff_at: cutoff, canceled_at: v.canceled ? new Date(0) : null },
            batch: { status: v.status, reserved_chilled: v.chilled, reserved_ambient: v.ambient },
            point: { capacity_chilled: v.capChilled, capacity_ambient: v.capAmbient },
          }
          const offer = cycleOffer(s, now)
          const anyClass = orderRefusal(s, "chilled", now) === null || orderRefusal(s, "ambient", now) === null
          expect(offer.refusal === null).toBe(anyClass)
          expect(offeredCycles([s], now).length).toBe(anyClass ? 1 : 0)
          for (const c of ["chilled", "ambient"] as const) {
            expect(offer.places_left[c] > 0).toBe(orderRefusal(s, c, now) === null)
          }
        }
      )
    )
  })
})

describe("the stock check under the hold", () => {
  const line = (over: Partial<StockLine> = {}): StockLine => ({
    inventory_item_id: "iitem_1",
    required: 1,
    required_per_unit: 1,
    quantity: 1,
    variant_id: "variant_1",
    product_id: "prod_1",
    title: "测试小米",
    variant_title: "1kg",
    ...over,
  })

  it("passes while one location has enough, names the product with what is left otherwise", () => {
    expect(stockShortfall([line()], new Map([["iitem_1", [0, 1]]]))).toBeNull()
    expect(stockShortfall([line({ required: 2, quantity: 2 })], new Map([["iitem_1", [1, 1]]]))).toEqual({
      product_id: "prod_1",
      variant_id: "variant_1",
      title: "测试小米",
      variant_title: "1kg",
      requested: 2,
      available: 1,
    })
    expect(stockShortfall([line()], new Map())).toMatchObject({ available: 0 })
    expect(stockShortfall([line()], new Map([["iitem_1", [-3]]]))).toMatchObject({ available: 0 })
  })

  it("counts every line needing the same item together; a bundle's units are whole variants", () => {
    const two = [line(), line({ variant_id: "variant_2", title: "小米礼盒" })]
    expect(stockShortfall(two, new Map([["iitem_1", [1]]]))).toMatchObject({ variant_id: "variant_1", available: 1 })
    const bundle = line({ required: 6, required_per_unit: 3, quantity: 2 })
    expect(stockShortfall([bundle], new Map([["iitem_1", [5]]]))).toMatchObject({ requested: 2, available: 1 })
    expect(stockShortfall([bundle], new Map([["iitem_1", [6]]]))).toBeNull()
  })
})
