import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { counterTotals, type CounterLedgerEntry } from "./counter-view"

const entry = (over: Partial<CounterLedgerEntry>): CounterLedgerEntry => ({
  kind: "accrual",
  account: "accrued",
  direction: "credit",
  amount: 0,
  order_id: "order_1",
  line_item_id: "li_1",
  product_id: "prod_1",
  ...over,
})

describe("counterTotals", () => {
  it("accrues on sale, moves to earned on handover, and reversals reduce the line", () => {
    const totals = counterTotals([
      entry({ amount: 1000 }),
      entry({ line_item_id: "li_2", product_id: "prod_2", amount: 500 }),
      entry({ kind: "earning", account: "accrued", direction: "debit", amount: 1000 }),
      entry({ kind: "earning", account: "earned", direction: "credit", amount: 1000 }),
      entry({ kind: "reversal", account: "accrued", direction: "debit", line_item_id: "li_2", amount: 200 }),
      entry({ kind: "settlement", account: "earned", direction: "debit", amount: 1000 }),
      entry({ kind: "settlement", account: "paid_out", direction: "credit", amount: 1000 }),
    ])
    expect(totals.accrued_fen).toBe(300)
    expect(totals.earned_fen).toBe(1000)
    expect(totals.lines).toEqual([
      { order_id: "order_1", line_item_id: "li_1", product_id: "prod_1", amount_fen: 1000 },
      { order_id: "order_1", line_item_id: "li_2", product_id: "prod_2", amount_fen: 300 },
    ])
  })

  it("always: the lines sum to accrued plus earned", () => {
    const arb = fc.array(
      fc.record({
        kind: fc.constantFrom("accrual", "earning", "reversal", "settlement"),
        account: fc.constantFrom("resident_payments", "accrued", "earned", "paid_out"),
        direction: fc.constantFrom("debit", "credit"),
        amount: fc.integer({ min: 1, max: 1_000_000 }),
        order_id: fc.constantFrom("o1", "o2", null),
        line_item_id: fc.constantFrom("l1", "l2", "l3", null),
        product_id: fc.constantFrom("p1", null),
      }) as fc.Arbitrary<CounterLedgerEntry>,
      { maxLength: 40 }
    )
    fc.assert(
      fc.property(arb, (entries) => {
        const t = counterTotals(entries)
        expect(t.lines.reduce((s, l) => s + l.amount_fen, 0)).toBe(t.accrued_fen + t.earned_fen)
      })
    )
  })

  it("refuses fractional fen", () => {
    expect(() => counterTotals([entry({ amount: 1.5 })])).toThrow(/whole number of fen/)
  })
})
