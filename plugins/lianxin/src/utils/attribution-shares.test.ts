import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { attributionSharesProblem, WHOLE_BP } from "./attribution-shares"

describe("attributionSharesProblem", () => {
  it("accepts one household owning the whole product", () => {
    expect(attributionSharesProblem(null, [{ household_id: "hh_1", share_bp: WHOLE_BP }])).toBeNull()
  })

  it("accepts a cooperative with proportions summing to 10000", () => {
    expect(
      attributionSharesProblem("coop_1", [
        { household_id: "hh_1", share_bp: 6000 },
        { household_id: "hh_2", share_bp: 2500 },
        { household_id: "hh_3", share_bp: 1500 },
      ])
    ).toBeNull()
  })

  it("refuses proportions that do not sum to 10000, saying what they sum to", () => {
    expect(
      attributionSharesProblem("coop_1", [
        { household_id: "hh_1", share_bp: 6000 },
        { household_id: "hh_2", share_bp: 3000 },
      ])
    ).toEqual(["shares", "proportions must sum to 10000 basis points, got 9000"])
  })

  it("refuses several households without a cooperative", () => {
    expect(
      attributionSharesProblem(null, [
        { household_id: "hh_1", share_bp: 5000 },
        { household_id: "hh_2", share_bp: 5000 },
      ])?.[0]
    ).toBe("shares")
  })

  it("refuses duplicates, empty lists and fractional or out-of-range shares", () => {
    expect(attributionSharesProblem("c", [])?.[0]).toBe("shares")
    expect(
      attributionSharesProblem("c", [
        { household_id: "hh_1", share_bp: 5000 },
        { household_id: "hh_1", share_bp: 5000 },
      ])?.[1]
    ).toMatch(/only once/)
    expect(attributionSharesProblem("c", [{ household_id: "hh_1", share_bp: 9999.5 }])?.[0]).toBe("shares.0.share_bp")
    expect(attributionSharesProblem("c", [{ household_id: "hh_1", share_bp: 0 }])?.[0]).toBe("shares.0.share_bp")
  })

  it("accepts exactly the partitions of 10000 into distinct households (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: WHOLE_BP }), { minLength: 1, maxLength: 12 }), (bps) => {
        const shares = bps.map((share_bp, i) => ({ household_id: `hh_${i}`, share_bp }))
        const total = bps.reduce((a, b) => a + b, 0)
        expect(attributionSharesProblem("coop", shares) === null).toBe(total === WHOLE_BP)
      })
    )
  })
})
