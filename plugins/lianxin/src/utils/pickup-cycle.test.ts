import { describe, expect, it } from "vitest"
import {
  assertCycleTimes,
  dailyCycle,
  shanghaiInstant,
  shanghaiWeekday,
  shanghaiYmd,
  weeklyCycle,
} from "./pickup-cycle"

const daily = { resident_cutoff: "22:00", producer_cutoff: "20:00", pickup_start: "16:00", pickup_end: "20:00" }

describe("order cycle dates in Asia/Shanghai", () => {
  it("22:00 in Shanghai is 14:00 UTC the same day", () => {
    expect(shanghaiInstant("2026-03-01", "22:00").toISOString()).toBe("2026-03-01T14:00:00.000Z")
    expect(shanghaiInstant("2026-03-01", "06:00").toISOString()).toBe("2026-02-28T22:00:00.000Z")
  })

  it("a daily cycle: order by 22:00, collect tomorrow 16:00–20:00", () => {
    const c = dailyCycle("2026-12-31", daily)
    expect(c.resident_cutoff_at.toISOString()).toBe("2026-12-31T14:00:00.000Z")
    expect(c.producer_cutoff_at.toISOString()).toBe("2026-12-31T12:00:00.000Z")
    expect(c.pickup_starts_at.toISOString()).toBe("2027-01-01T08:00:00.000Z")
    expect(c.pickup_ends_at.toISOString()).toBe("2027-01-01T12:00:00.000Z")
  })

  it("the Shanghai date of an instant late in the UTC day is already tomorrow", () => {
    expect(shanghaiYmd(new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02")
    expect(shanghaiWeekday(new Date("2026-03-01T16:30:00Z"))).toBe(1) // Monday 00:30 in Shanghai
  })

  it("a weekly cycle cuts off on the configured weekday of that week", () => {
    // Sunday 2026-03-01 20:00 UTC is Monday 04:00 in Shanghai: the week of 2026-03-02.
    const c = weeklyCycle(new Date("2026-03-01T20:00:00Z"), { ...daily, cutoff_weekday: 4 })
    expect(shanghaiYmd(c.resident_cutoff_at)).toBe("2026-03-05")
    expect(shanghaiWeekday(c.resident_cutoff_at)).toBe(4)
  })

  it("refuses impossible dates and orderings", () => {
    expect(() => shanghaiInstant("2026-02-30", "10:00")).toThrow()
    expect(() => shanghaiInstant("2026-02-01", "24:00")).toThrow()
    expect(() => dailyCycle("2026-03-01", { ...daily, producer_cutoff: "23:00" })).toThrow(/producer_cutoff_at/)
    expect(() => dailyCycle("2026-03-01", { ...daily, pickup_day_offset: 0, pickup_start: "21:00" })).toThrow(
      /resident_cutoff_at/
    )
    expect(() =>
      assertCycleTimes({
        producer_cutoff_at: new Date(1),
        resident_cutoff_at: new Date(2),
        pickup_starts_at: new Date(4),
        pickup_ends_at: new Date(3),
      })
    ).toThrow(/pickup_starts_at/)
  })
})
