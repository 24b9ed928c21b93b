import { describe, expect, it } from "vitest"
import { nextHouseholdCode } from "./household-code"

describe("nextHouseholdCode", () => {
  it("starts at 001 in an empty village", () => {
    expect(nextHouseholdCode("YN-LC", [])).toBe("YN-LC-001")
  })
  it("follows the highest number, not the count", () => {
    expect(nextHouseholdCode("YN-LC", ["YN-LC-001", "YN-LC-007", "YN-LC-003"])).toBe("YN-LC-008")
  })
  it("ignores villages that share the prefix and malformed codes", () => {
    expect(nextHouseholdCode("YN-LC", ["YN-LCX-050", "YN-LC-12", "ZJ-AJ-099"])).toBe("YN-LC-001")
  })
  it("grows to four digits after 999", () => {
    expect(nextHouseholdCode("YN-LC", ["YN-LC-999"])).toBe("YN-LC-1000")
  })
  it("refuses past 9999", () => {
    expect(() => nextHouseholdCode("YN-LC", ["YN-LC-9999"])).toThrow(/no free household number/)
  })
})
