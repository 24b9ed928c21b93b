import { describe, expect, it } from "vitest"
import { resolvePolicy, type StoredPolicy } from "./policy-resolution"

const p = (id: string, scope: StoredPolicy["scope"], scope_id: string | null): StoredPolicy => ({
  id,
  scope,
  scope_id,
  version: 1,
  household_bp: 7000,
  cooperative_bp: 1000,
  property_office_bp: 1000,
  platform_bp: 1000,
})
const all = [
  p("g", "global", null),
  p("cat_fruit", "category", "pcat_fruit"),
  p("cat_tea", "category", "pcat_tea"),
  p("coop", "cooperative", "coop_1"),
  p("hh", "household", "hh_a"),
]
const single = { cooperative_id: "coop_1", households: [{ household_id: "hh_a", share_bp: 10000 }] }

describe("resolvePolicy", () => {
  it("prefers the household's own policy for a single-household line", () => {
    expect(resolvePolicy(all, { attribution: single, category_ids: ["pcat_fruit"] })?.id).toBe("hh")
  })
  it("uses the cooperative's policy when several households share a line", () => {
    const coopLine = {
      cooperative_id: "coop_1",
      households: [
        { household_id: "hh_a", share_bp: 5000 },
        { household_id: "hh_b", share_bp: 5000 },
      ],
    }
    expect(resolvePolicy(all, { attribution: coopLine, category_ids: [] })?.id).toBe("coop")
  })
  it("falls back to a category policy, choosing stably among several", () => {
    expect(resolvePolicy(all, { attribution: null, category_ids: ["pcat_tea", "pcat_fruit"] })?.id).toBe("cat_fruit")
  })
  it("falls back to the global policy", () => {
    expect(resolvePolicy(all, { attribution: null, category_ids: ["pcat_rice"] })?.id).toBe("g")
  })
  it("returns null when no policy exists at all", () => {
    expect(resolvePolicy([], { attribution: null, category_ids: [] })).toBeNull()
  })
})
