import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { suppressSmallGroups, type ImpactGroup } from "./impact"

const g = (key: string, households: number): ImpactGroup => ({
  key,
  households,
  earned_fen: households * 100,
  paid_fen: 0,
})

describe("suppressSmallGroups", () => {
  it("publishes groups of at least five households as they are", () => {
    expect(suppressSmallGroups([g("云南省", 6), g("贵州省", 5)])).toEqual({
      groups: [g("云南省", 6), g("贵州省", 5)].sort((a, b) => a.key.localeCompare(b.key)),
      other: null,
      suppressed_groups: 0,
    })
  })

  it("pools small groups into other", () => {
    const r = suppressSmallGroups([g("A", 10), g("B", 3), g("C", 2)])
    expect(r.groups.map((x) => x.key)).toEqual(["A"])
    expect(r.other).toMatchObject({ households: 5, earned_fen: 500 })
  })

  it("adds the smallest published group when the pool alone would be too small", () => {
    const r = suppressSmallGroups([g("A", 10), g("B", 6), g("C", 2)])
    expect(r.groups.map((x) => x.key)).toEqual(["A"])
    expect(r.other?.households).toBe(8)
  })

  it("publishes nothing when all households together are fewer than five", () => {
    expect(suppressSmallGroups([g("A", 2), g("B", 2)])).toEqual({ groups: [], other: null, suppressed_groups: 2 })
  })

  it("property: no published figure covers fewer than five households, and nothing is lost", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 10 }), (sizes) => {
        const groups = sizes.map((n, i) => g(`k${i}`, n))
        const r = suppressSmallGroups(groups)
        const shown = [...r.groups, ...(r.other ? [r.other] : [])]
        const total = sizes.reduce((a, b) => a + b, 0)
        const shownTotal = shown.reduce((a, x) => a + x.households, 0)
        return shown.every((x) => x.households >= 5) && (total < 5 ? shown.length === 0 : shownTotal === total)
      })
    )
  })
})
