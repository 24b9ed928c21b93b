import { describe, expect, it } from "vitest"
import { previousWeek, shanghaiDate, weekContaining } from "./periods"

describe("statement periods (Asia/Shanghai weeks)", () => {
  it("starts the week on Monday 00:00 Shanghai time", () => {
    // Sunday 2026-11-29 23:30 in Shanghai is 15:30 UTC: still the week of Monday 2026-11-23.
    const w = weekContaining(new Date("2026-11-29T15:30:00Z"))
    expect(w.start.toISOString()).toBe("2026-11-22T16:00:00.000Z")
    expect(w.end.toISOString()).toBe("2026-11-29T16:00:00.000Z")
  })
  it("moves to the next week at Monday 00:00 Shanghai, not UTC", () => {
    const w = weekContaining(new Date("2026-11-29T16:00:00Z"))
    expect(shanghaiDate(w.start)).toBe("2026-11-30")
  })
  it("gives the last complete week", () => {
    const p = previousWeek(new Date("2026-11-30T02:00:00Z"))
    expect([shanghaiDate(p.start), shanghaiDate(p.end)]).toEqual(["2026-11-23", "2026-11-30"])
  })
})
