import { describe, expect, it } from "vitest"
import { DEMO_CATALOG, DEMO_PICKUP_NETWORK } from "./data/demo"
import { E2E_CATALOG } from "./data/e2e"
import { E2E } from "./scenarios/e2e-fixtures"

describe("households registered through offices", () => {
  it("demo: every office has a few, all of them demo households, none twice per office", () => {
    const codes = new Set(DEMO_CATALOG.households.map((h) => h.code))
    for (const entry of DEMO_PICKUP_NETWORK) {
      const linked = entry.households ?? []
      expect(linked.length).toBeGreaterThanOrEqual(2)
      expect(new Set(linked).size).toBe(linked.length)
      for (const code of linked) expect(codes.has(code)).toBe(true)
    }
  })

  it("e2e: office A has one e2e household, office B is a different office, point and staff", () => {
    const codes = new Set(E2E_CATALOG.households.map((h) => h.code))
    expect(E2E.pickup.households).toEqual([E2E.households.orchard.code])
    expect(codes.has(E2E.pickup.households[0])).toBe(true)
    expect(E2E.pickupB.households).toEqual([])
    expect(E2E.pickupB.office.compoundName).not.toBe(E2E.pickup.office.compoundName)
    expect(E2E.pickupB.point.code).not.toBe(E2E.pickup.point.code)
    expect(E2E.pickupB.staff.email).not.toBe(E2E.pickup.staff.email)
  })
})
