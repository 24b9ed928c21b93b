import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { allocateShortage, shortRefundFen, shortageTieOrder } from "./pickup-shortage"

describe("pro-rata shortage", () => {
  it("shares 3 missing among orders of 4, 2 and 2 as 1.5, 0.75, 0.75 → 2, 1, 0 or similar, summing to 3", () => {
    const lines = [
      { line_item_id: "li_a", order_id: "o_a", quantity: 4 },
      { line_item_id: "li_b", order_id: "o_b", quantity: 2 },
      { line_item_id: "li_c", order_id: "o_c", quantity: 2 },
    ]
    const result = allocateShortage("pbat_1", 3, lines)
    expect(result.reduce((s, r) => s + r.short_quantity, 0)).toBe(3)
    const a = result.find((r) => r.line_item_id === "li_a")!.short_quantity
    expect([1, 2]).toContain(a)
  })

  it("does not favour whoever is listed (ordered) first: the tie order is the hash", () => {
    const lines = [
      { line_item_id: "li_1", order_id: "o1", quantity: 1 },
      { line_item_id: "li_2", order_id: "o2", quantity: 1 },
    ]
    const forward = allocateShortage("pbat_x", 1, lines)
    const backward = allocateShortage("pbat_x", 1, [...lines].reverse())
    const winner = (r: typeof forward) => r.find((x) => x.short_quantity === 1)!.line_item_id
    expect(winner(forward)).toBe(winner(backward))
    const expected = shortageTieOrder("pbat_x", "li_1") < shortageTieOrder("pbat_x", "li_2") ? "li_1" : "li_2"
    expect(winner(forward)).toBe(expected)
  })

  it("refuses more missing than ordered", () => {
    expect(() => allocateShortage("b", 3, [{ line_item_id: "l", order_id: "o", quantity: 2 }])).toThrow()
  })

  it("always sums exactly, never exceeds what a line ordered, stays within one unit of pro rata", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (quantities, seed) => {
          const lines = quantities.map((q, i) => ({ line_item_id: `li_${i}`, order_id: `o_${i}`, quantity: q }))
          const total = quantities.reduce((s, q) => s + q, 0)
          const missing = seed % (total + 1)
          const result = allocateShortage("pbat_p", missing, lines)
          expect(result.reduce((s, r) => s + r.short_quantity, 0)).toBe(missing)
          result.forEach((r, i) => {
            expect(r.short_quantity).toBeGreaterThanOrEqual(0)
            expect(r.short_quantity).toBeLessThanOrEqual(quantities[i])
            expect(Math.abs(r.short_quantity - (missing * quantities[i]) / total)).toBeLessThan(1)
          })
        }
      )
    )
  })
})

describe("refund of the short part of a line", () => {
  it("refunds whole units exactly and splits odd fen by largest remainder", () => {
    expect(shortRefundFen(3840, 3, 1)).toBe(1280)
    expect(shortRefundFen(1000, 3, 1)).toBe(333)
    expect(shortRefundFen(1000, 3, 2)).toBe(667)
    expect(shortRefundFen(1000, 3, 3)).toBe(1000)
    expect(shortRefundFen(1000, 3, 0)).toBe(0)
  })

  it("is within one fen of the exact share and grows with the short quantity", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        (amount, q, s) => {
          const short = s % (q + 1)
          const refund = shortRefundFen(amount, q, short)
          expect(Math.abs(refund - (amount * short) / q)).toBeLessThan(1)
          if (short < q) expect(shortRefundFen(amount, q, short + 1)).toBeGreaterThanOrEqual(refund)
          expect(refund).toBeLessThanOrEqual(amount)
        }
      )
    )
  })
})
