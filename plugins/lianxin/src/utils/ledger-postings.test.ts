import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  accrualTransaction,
  earningTransaction,
  lineParties,
  reversalTransaction,
  type AccrualLine,
} from "./ledger-postings"
import type { LedgerTransactionInput } from "../types/ledger"

const policy = {
  id: "spol_1",
  version: 3,
  shares: { household: 7000, cooperative: 1000, property_office: 1000, platform: 1000 },
}
const line: AccrualLine = {
  order_id: "order_1",
  line_item_id: "ordli_1",
  product_id: "prod_1",
  amount_fen: 2561,
  policy,
  attribution: {
    cooperative_id: "coop_1",
    households: [
      { household_id: "hh_a", share_bp: 6000 },
      { household_id: "hh_b", share_bp: 4000 },
    ],
  },
  property_office_id: "pp_1",
}

const sides = (t: LedgerTransactionInput) => ({
  debit: t.postings.filter((p) => p.direction === "debit").reduce((a, p) => a + p.amount, 0),
  credit: t.postings.filter((p) => p.direction === "credit").reduce((a, p) => a + p.amount, 0),
})

describe("accrualTransaction", () => {
  it("debits what the resident paid and credits each party's share", () => {
    const t = accrualTransaction(line, "order.placed")!
    expect(sides(t)).toEqual({ debit: 2561, credit: 2561 })
    const credits = Object.fromEntries(
      t.postings.filter((p) => p.direction === "credit").map((p) => [`${p.party_type}:${p.party_id}`, p.amount])
    )
    // 2561 at 70/10/10/10 → 1793 / 256 / 256 / 256; households 60/40 of 1793 → 1076 / 717.
    expect(credits).toEqual({
      "household:hh_a": 1076,
      "household:hh_b": 717,
      "cooperative:coop_1": 256,
      "property_office:pp_1": 256,
      "platform:platform": 256,
    })
    expect(t.postings.every((p) => p.policy_id === "spol_1" && p.policy_version === 3)).toBe(true)
    expect(new Set(t.postings.map((p) => p.idempotency_key)).size).toBe(t.postings.length)
  })

  it("gives the cooperative share to the household when there is no cooperative", () => {
    const parties = lineParties(
      1000,
      policy.shares,
      { cooperative_id: null, households: [{ household_id: "hh_a", share_bp: 10000 }] },
      null
    )
    expect(parties.find((p) => p.party_type === "household")!.amount).toBe(800)
    expect(parties.some((p) => p.party_type === "cooperative")).toBe(false)
  })

  it("keeps an unattributed line visible as an unnamed household party", () => {
    const t = accrualTransaction({ ...line, attribution: null }, "order.placed")!
    const hh = t.postings.find((p) => p.party_type === "household")!
    expect(hh).toMatchObject({ party_id: null, amount: 2049, metadata: { unattributed: true } })
  })

  it("writes nothing for a free line", () => {
    expect(accrualTransaction({ ...line, amount_fen: 0 }, "order.placed")).toBeNull()
  })

  it("property: every accrual balances and never posts a zero or negative amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (amount) => {
        const t = accrualTransaction({ ...line, amount_fen: amount }, "x")!
        const s = sides(t)
        return s.debit === amount && s.credit === amount && t.postings.every((p) => p.amount > 0)
      })
    )
  })
})

describe("earningTransaction", () => {
  it("moves each positive accrued balance to earned", () => {
    const t = earningTransaction(
      line,
      [
        { party_type: "household", party_id: "hh_a", balance: 100 },
        { party_type: "platform", party_id: "platform", balance: 0 },
      ],
      "handover"
    )!
    expect(t.postings.map((p) => [p.account, p.direction, p.amount])).toEqual([
      ["accrued", "debit", 100],
      ["earned", "credit", 100],
    ])
  })

  it("writes nothing when nothing is accrued", () => {
    expect(earningTransaction(line, [], "handover")).toBeNull()
  })
})

describe("reversalTransaction", () => {
  const accrued = () => {
    const t = accrualTransaction(line, "x")!
    return t.postings
      .filter((p) => p.account === "accrued")
      .map((p) => ({ party_type: p.party_type!, party_id: p.party_id ?? null, balance: p.amount }))
  }
  const reverse = (amount: number, balances = accrued(), account: "accrued" | "earned" = "accrued") =>
    reversalTransaction({
      ...line,
      balances,
      reverse_fen: amount,
      account,
      reference: "r1",
      reason: "shortage",
      source: "test",
    })

  it("balances, and each party gives back in proportion to what it holds", () => {
    const t = reverse(561)!
    expect(sides(t)).toEqual({ debit: 561, credit: 561 })
    const debits = t.postings.filter((p) => p.direction === "debit")
    for (const held of accrued()) {
      const d = debits.find((p) => p.party_id === held.party_id)?.amount ?? 0
      expect(Math.abs(d - (561 * held.balance) / 2561)).toBeLessThan(1)
    }
  })

  it("reversing the whole line returns every balance exactly", () => {
    const t = reverse(2561)!
    const debits = Object.fromEntries(
      t.postings.filter((p) => p.direction === "debit").map((p) => [p.party_id, p.amount])
    )
    for (const held of accrued()) expect(debits[held.party_id!]).toBe(held.balance)
  })

  it("refuses to reverse more than remains", () => {
    expect(() => reverse(2562)).toThrow(/only 2561 fen remain/)
  })

  it("reverses from earned after handover", () => {
    expect(
      reverse(100, accrued(), "earned")!
        .postings.filter((p) => p.direction === "debit")
        .every((p) => p.account === "earned")
    ).toBe(true)
  })
})
