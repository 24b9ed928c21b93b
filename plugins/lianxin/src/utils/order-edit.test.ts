import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { accrualTransaction, lineParties, type PartyBalance } from "./ledger-postings"
import { editLineTransaction, planOrderEdit } from "./order-edit"
import type { LedgerTransactionInput } from "../types/ledger"

const lines = [
  { id: "ordli_a", quantity: 3 },
  { id: "ordli_b", quantity: 1 },
]

describe("planOrderEdit", () => {
  it("lists the lines whose quantity changes", () => {
    expect(
      planOrderEdit(lines, [
        { id: "ordli_a", quantity: 1 },
        { id: "ordli_b", quantity: 1 },
      ])
    ).toEqual({ ok: true, changes: [{ line_item_id: "ordli_a", from: 3, to: 1 }] })
  })
  it("refuses a line of another order, nothing to change, and removing every line", () => {
    expect(planOrderEdit(lines, [{ id: "ordli_x", quantity: 1 }])).toEqual({
      ok: false,
      refusal: { code: "unknown_line", line_item_id: "ordli_x" },
    })
    expect(planOrderEdit(lines, [{ id: "ordli_a", quantity: 3 }])).toEqual({
      ok: false,
      refusal: { code: "no_change" },
    })
    expect(
      planOrderEdit(lines, [
        { id: "ordli_a", quantity: 0 },
        { id: "ordli_b", quantity: 0 },
      ])
    ).toEqual({ ok: false, refusal: { code: "would_empty" } })
    // One line to 0 while another stays is a removal, not a cancellation.
    expect(planOrderEdit(lines, [{ id: "ordli_b", quantity: 0 }]).ok).toBe(true)
  })
})

const attribution = {
  cooperative_id: "coop_1",
  households: [
    { household_id: "hh_1", share_bp: 6000 },
    { household_id: "hh_2", share_bp: 4000 },
  ],
}
const sum = (txn: LedgerTransactionInput, direction: "debit" | "credit") =>
  txn.postings.filter((p) => p.direction === direction).reduce((s, p) => s + p.amount, 0)

/** What each party holds after an accrual of `fen` (credit − debit on accrued). */
function heldAfter(txns: Array<LedgerTransactionInput | null>): PartyBalance[] {
  const held = new Map<string, PartyBalance>()
  for (const txn of txns) {
    for (const p of txn?.postings ?? []) {
      if (p.account !== "accrued") continue
      const key = `${p.party_type}:${p.party_id}`
      const b = held.get(key) ?? { party_type: p.party_type!, party_id: p.party_id ?? null, balance: 0 }
      b.balance += p.direction === "credit" ? p.amount : -p.amount
      held.set(key, b)
    }
  }
  return [...held.values()]
}

describe("editLineTransaction", () => {
  it("moves every party to its split of the new amount and resident_payments by exactly the difference; balanced", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.tuple(
          fc.integer({ min: 0, max: 10_000 }),
          fc.integer({ min: 0, max: 10_000 }),
          fc.integer({ min: 0, max: 10_000 })
        ),
        (oldFen, newFen, cuts) => {
          const [a, b, c] = [...cuts].sort((x, y) => x - y)
          const policy = {
            id: "spol_1",
            version: 1,
            shares: { household: a, cooperative: b - a, property_office: c - b, platform: 10_000 - c },
          }
          const accrual = accrualTransaction(
            {
              order_id: "order_1",
              line_item_id: "ordli_1",
              product_id: "prod_1",
              amount_fen: oldFen,
              policy,
              attribution,
              property_office_id: "poff_1",
            },
            "order.placed"
          )
          const edit = editLineTransaction({
            order_id: "order_1",
            line_item_id: "ordli_1",
            product_id: "prod_1",
            policy,
            attribution,
            property_office_id: "poff_1",
            held: heldAfter([accrual]),
            new_fen: newFen,
            reference: "ordch_1",
            source: "order.edited",
          })
          if (oldFen === newFen) {
            expect(edit).toBeNull()
            return
          }
          expect(edit).not.toBeNull()
          expect(sum(edit!, "debit")).toBe(sum(edit!, "credit"))
          const resident = edit!.postings.find((p) => p.account === "resident_payments")!
          expect(resident.amount).toBe(Math.abs(newFen - oldFen))
          expect(resident.direction).toBe(newFen > oldFen ? "debit" : "credit")
          expect(edit!.kind).toBe(newFen > oldFen ? "accrual" : "reversal")
          const after = heldAfter([accrual, edit])
          for (const party of lineParties(newFen, policy.shares, attribution, "poff_1")) {
            const held = after.find((h) => h.party_type === party.party_type && h.party_id === party.party_id)
            expect(held?.balance ?? 0).toBe(party.amount)
          }
          expect(new Set(edit!.postings.map((p) => p.idempotency_key)).size).toBe(edit!.postings.length)
        }
      )
    )
  })
})
