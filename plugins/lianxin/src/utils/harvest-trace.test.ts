import { describe, expect, it } from "vitest"
import { currentHarvestBatch, householdAccrual } from "./harvest-trace"

describe("currentHarvestBatch", () => {
  it("takes the latest harvest that is not recalled", () => {
    const batches = [
      { id: "hvb_a", harvested_on: "2026-11-20", recalled_at: null },
      { id: "hvb_b", harvested_on: "2026-11-25", recalled_at: "2026-12-01T00:00:00Z" },
      { id: "hvb_c", harvested_on: "2026-11-22", recalled_at: null },
    ]
    expect(currentHarvestBatch(batches)?.id).toBe("hvb_c")
  })
  it("is null when every batch is recalled or there is none", () => {
    expect(currentHarvestBatch([{ id: "hvb_a", harvested_on: "2026-11-20", recalled_at: new Date() }])).toBeNull()
    expect(currentHarvestBatch([])).toBeNull()
  })
  it("breaks a tie on the same day by the later registration", () => {
    const batches = [
      { id: "hvb_a", harvested_on: "2026-11-20", recalled_at: null, created_at: "2026-11-20T01:00:00Z" },
      { id: "hvb_b", harvested_on: "2026-11-20", recalled_at: null, created_at: "2026-11-20T03:00:00Z" },
    ]
    expect(currentHarvestBatch(batches)?.id).toBe("hvb_b")
  })
})

describe("householdAccrual", () => {
  const credit = (party_id: string | null, amount: number, party_type = "household") => ({
    kind: "accrual",
    account: "accrued",
    direction: "credit",
    amount,
    party_type,
    party_id,
  })
  it("is pending until an accrual is posted", () => {
    expect(householdAccrual([])).toEqual({ status: "pending", households: null, amount_fen: null })
  })
  it("sums household credits and counts distinct named households", () => {
    const entries = [
      {
        kind: "accrual",
        account: "resident_payments",
        direction: "debit",
        amount: 1000,
        party_type: null,
        party_id: null,
      },
      credit("hh_1", 300),
      credit("hh_2", 200),
      credit("hh_1", 100),
      credit(null, 50),
      credit("coop_1", 100, "cooperative"),
    ]
    expect(householdAccrual(entries)).toEqual({ status: "posted", households: 2, amount_fen: 650 })
  })
  it("follows edits and reversals; handover and payout move nothing", () => {
    const posting = (kind: string, account: string, direction: string, party_id: string, amount: number) => ({
      kind,
      account,
      direction,
      amount,
      party_type: "household",
      party_id,
    })
    const entries = [
      credit("hh_1", 300),
      credit("hh_2", 200),
      // An edit that grows hh_1's line (kind accrual) and a shortage that takes all of hh_2's back.
      credit("hh_1", 60),
      posting("reversal", "accrued", "debit", "hh_2", 200),
      // hh_1's share handed over, then paid out.
      posting("earning", "accrued", "debit", "hh_1", 360),
      posting("earning", "earned", "credit", "hh_1", 360),
      posting("settlement", "earned", "debit", "hh_1", 360),
      posting("settlement", "paid_out", "credit", "hh_1", 360),
    ]
    expect(householdAccrual(entries)).toEqual({ status: "posted", households: 1, amount_fen: 360 })
  })
  it("follows an order edit both ways (decision 024): a household whose lines were removed is no longer counted", () => {
    const edit = (kind: string, direction: string, party_id: string, amount: number) => ({
      kind,
      account: "accrued",
      direction,
      amount,
      party_type: "household",
      party_id,
      reason: "order_edit",
    })
    const entries = [
      credit("hh_1", 300),
      credit("hh_2", 200),
      edit("reversal", "debit", "hh_2", 200),
      edit("reversal", "debit", "hh_1", 100),
      // Largest remainder is not monotone: inside an increase one household may give back a fen.
      edit("accrual", "credit", "hh_1", 41),
      edit("accrual", "debit", "hh_3", 0),
    ]
    expect(householdAccrual(entries)).toEqual({ status: "posted", households: 1, amount_fen: 241 })
  })
})
