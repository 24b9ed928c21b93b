import { describe, expect, it } from "vitest"
import { harvestList, maskResidentName, phoneLast4 } from "./pickup-manifest"

describe("manifests", () => {
  it("masks names and keeps only the last 4 phone digits", () => {
    expect(maskResidentName("王小明")).toBe("王**")
    expect(maskResidentName("李")).toBe("李*")
    expect(maskResidentName("")).toBe("*")
    expect(phoneLast4("+86 138-0013-8000")).toBe("8000")
    expect(phoneLast4("12")).toBe("")
  })

  it("groups the harvest list per household, cooperatives with several households together", () => {
    const rows = harvestList(
      [
        { product_id: "p1", variant_id: "v1", title: "苹果", quantity: 2, short_quantity: 0 },
        { product_id: "p1", variant_id: "v1", title: "苹果", quantity: 3, short_quantity: 0 },
        { product_id: "p2", variant_id: "v2", title: "橙子", quantity: 1, short_quantity: 0 },
      ],
      new Map([
        ["p1", { cooperative_id: "coop", household_ids: ["hh_a", "hh_b"] }],
        ["p2", { cooperative_id: null, household_ids: ["hh_b"] }],
      ])
    )
    expect(rows).toEqual([
      expect.objectContaining({ producer: "cooperative:coop", quantity: 5, household_ids: "hh_a hh_b" }),
      expect.objectContaining({ producer: "household:hh_b", quantity: 1 }),
    ])
  })
})
