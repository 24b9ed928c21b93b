import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { allocateLargestRemainder } from "./largest-remainder"
import {
  SHARE_PARTIES,
  reversalFromBalances,
  splitAmongHouseholds,
  splitLineAmount,
  validateShares,
  type ShareBasisPoints,
} from "./revenue-split"

const DEFAULT: ShareBasisPoints = { household: 7000, cooperative: 1000, property_office: 1000, platform: 1000 }
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)

/** Four non-negative integers that sum to 10 000. */
const sharesArb = fc
  .tuple(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000))
  .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
  .map(([a, b, c]) => ({
    household: a,
    cooperative: b - a,
    property_office: c - b,
    platform: 10_000 - c,
  }))
const amountArb = fc.integer({ min: 0, max: 100_000_000 })

describe("splitLineAmount", () => {
  it("splits ¥12.80 70/10/10/10 into 896/128/128/128 fen", () => {
    expect(splitLineAmount(1280, DEFAULT)).toEqual({
      household: 896,
      cooperative: 128,
      property_office: 128,
      platform: 128,
    })
  })

  it("gives the leftover fen of a tie to the household", () => {
    // 1 fen split four ways equally: the household gets it.
    expect(splitLineAmount(1, { household: 2500, cooperative: 2500, property_office: 2500, platform: 2500 })).toEqual({
      household: 1,
      cooperative: 0,
      property_office: 0,
      platform: 0,
    })
    // 101 fen at 70/10/10/10: exact 70.7/10.1/10.1/10.1 → household takes the one leftover fen.
    expect(splitLineAmount(101, DEFAULT)).toEqual({ household: 71, cooperative: 10, property_office: 10, platform: 10 })
  })

  it("uses the largest remainder, not the household, when remainders differ", () => {
    // exact values 33.33 / 33.33 / 33.34 / 0: the property office's .34 is the largest remainder.
    expect(splitLineAmount(100, { household: 3333, cooperative: 3333, property_office: 3334, platform: 0 })).toEqual({
      household: 33,
      cooperative: 33,
      property_office: 34,
      platform: 0,
    })
  })

  it("refuses shares that do not sum to 10 000 or are not integers", () => {
    expect(() => splitLineAmount(100, { ...DEFAULT, platform: 999 })).toThrow(/sum to 10000/)
    expect(() => splitLineAmount(100, { ...DEFAULT, platform: 1000.5, household: 6999.5 })).toThrow(/integer/)
    expect(() => splitLineAmount(-1, DEFAULT)).toThrow(/non-negative/)
    expect(() => splitLineAmount(1.5, DEFAULT)).toThrow(/integer/)
    expect(validateShares({ ...DEFAULT, household: -1, platform: 2001 })).toContain(
      "household_bp must be an integer from 0 to 10000"
    )
  })

  it("property: the shares always sum exactly to the amount", () => {
    fc.assert(fc.property(amountArb, sharesArb, (amount, shares) => sum(splitLineAmount(amount, shares)) === amount))
  })

  it("property: each share is within 1 fen of its exact value and never negative", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        const split = splitLineAmount(amount, shares)
        return SHARE_PARTIES.every((p) => {
          const exact = (amount * shares[p]) / 10_000
          return split[p] >= 0 && Math.abs(split[p] - exact) < 1
        })
      })
    )
  })

  it("property: a party with 0 basis points never gets a fen", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        const split = splitLineAmount(amount, shares)
        return SHARE_PARTIES.every((p) => shares[p] !== 0 || split[p] === 0)
      })
    )
  })
})

describe("splitAmongHouseholds", () => {
  it("splits a cooperative's household share by proportions", () => {
    expect(
      splitAmongHouseholds(1001, [
        { household_id: "hh_a", share_bp: 5000 },
        { household_id: "hh_b", share_bp: 3000 },
        { household_id: "hh_c", share_bp: 2000 },
      ])
    ).toEqual({ hh_a: 501, hh_b: 300, hh_c: 200 })
  })

  it("property: sums exactly, within 1 fen each", () => {
    const householdsArb = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(amountArb, householdsArb, (amount, weights) => {
        const hs = weights.map((w, i) => ({ household_id: `hh_${i}`, share_bp: w }))
        const total = weights.reduce((a, b) => a + b, 0)
        const split = splitAmongHouseholds(amount, hs)
        return (
          sum(split) === amount && hs.every((h) => Math.abs(split[h.household_id] - (amount * h.share_bp) / total) < 1)
        )
      })
    )
  })
})

describe("reversalFromBalances", () => {
  const held = (shares: ShareBasisPoints, amount: number) =>
    SHARE_PARTIES.map((key) => ({ key, balance: splitLineAmount(amount, shares)[key] }))

  it("reverses everything that remains exactly", () => {
    expect(reversalFromBalances(held(DEFAULT, 1280), 1280)).toEqual(splitLineAmount(1280, DEFAULT))
  })

  it("refuses to reverse more than remains", () => {
    expect(() => reversalFromBalances(held(DEFAULT, 400), 401)).toThrow(/only 400 fen remain/)
  })

  it("never asks a party for a negative amount where split(before) − split(after) would (Alabama paradox)", () => {
    // Found by the property below: 211 819 fen at 0/5397/4556/47, reverse 1 fen.
    const shares = { household: 0, cooperative: 5397, property_office: 4556, platform: 47 }
    const before = splitLineAmount(211_819, shares)
    const after = splitLineAmount(211_818, shares)
    expect(before.platform - after.platform).toBe(-1)
    const r = reversalFromBalances(held(shares, 211_819), 1)
    expect(Object.values(r).every((x) => x >= 0)).toBe(true)
    expect(sum(r)).toBe(1)
  })

  it("property: any sequence of partial reversals gives back exactly what was asked, never below zero, ending at zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        sharesArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (original, shares, fractions) => {
          const net = splitLineAmount(original, shares)
          let remaining = original
          for (const f of fractions) {
            const step = Math.floor(remaining * f)
            const r = reversalFromBalances(
              SHARE_PARTIES.map((key) => ({ key, balance: net[key] })),
              step
            )
            if (sum(r) !== step) return false
            for (const p of SHARE_PARTIES) {
              if (r[p] < 0 || r[p] > net[p]) return false
              net[p] -= r[p]
              // Each party stays within a fen per reversal of its exact share of what remains.
              if (Math.abs(net[p] - ((remaining - step) * shares[p]) / 10_000) > fractions.length + 1) return false
            }
            remaining -= step
          }
          const last = reversalFromBalances(
            SHARE_PARTIES.map((key) => ({ key, balance: net[key] })),
            remaining
          )
          return SHARE_PARTIES.every((p) => net[p] - last[p] === 0)
        }
      )
    )
  })
})

describe("allocateLargestRemainder", () => {
  it("rejects bad input clearly", () => {
    expect(() => allocateLargestRemainder(10, [])).toThrow(/at least one/)
    expect(() => allocateLargestRemainder(10, [{ key: "a", weight: 0 }])).toThrow(/all be zero/)
    expect(() =>
      allocateLargestRemainder(10, [
        { key: "a", weight: 1 },
        { key: "a", weight: 1 },
      ])
    ).toThrow(/duplicate/)
  })

  it("is exact for totals beyond 2^53 / 10 000 thanks to BigInt", () => {
    const total = Number.MAX_SAFE_INTEGER
    const r = allocateLargestRemainder(total, [
      { key: "a", weight: 1 },
      { key: "b", weight: 2 },
    ])
    expect(BigInt(r.a) + BigInt(r.b)).toBe(BigInt(total))
  })
})
