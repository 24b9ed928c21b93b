import { describe, expect, it } from "vitest"
import { plannedDailyCycles } from "./pickup-rolling-cycles"

describe("plannedDailyCycles", () => {
  it("opens today's cycle before 22:00 Shanghai, collected tomorrow 16:00–20:00", () => {
    // 2026-11-29 10:00 in Shanghai
    const [today] = plannedDailyCycles(new Date("2026-11-29T02:00:00Z"), 2)
    expect(today.key).toBe("daily:2026-11-29")
    expect(today.resident_cutoff_at.toISOString()).toBe("2026-11-29T14:00:00.000Z")
    expect(today.producer_cutoff_at.toISOString()).toBe("2026-11-29T12:00:00.000Z")
    expect(today.pickup_starts_at.toISOString()).toBe("2026-11-30T08:00:00.000Z")
    expect(today.pickup_ends_at.toISOString()).toBe("2026-11-30T12:00:00.000Z")
  })

  it("after the cutoff, the next open cycle is tomorrow's, and there are always `days` of them", () => {
    const cycles = plannedDailyCycles(new Date("2026-11-29T14:30:00Z"), 3) // 22:30 Shanghai
    expect(cycles.map((c) => c.key)).toEqual(["daily:2026-11-30", "daily:2026-12-01", "daily:2026-12-02"])
    expect(cycles.every((c) => c.resident_cutoff_at.getTime() > Date.parse("2026-11-29T14:30:00Z"))).toBe(true)
  })

  it("refuses a silly horizon", () => {
    expect(() => plannedDailyCycles(new Date(), 0)).toThrow(/days/)
    expect(() => plannedDailyCycles(new Date(), 40)).toThrow(/days/)
  })
})
