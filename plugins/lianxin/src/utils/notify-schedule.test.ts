import { describe, expect, it } from "vitest"
import { endOfQuietTime, isQuietTime, parseQuietHours, retryDelayMs } from "./notify-schedule"

const quiet = parseQuietHours("21:30-08:00")
/** An instant given in Asia/Shanghai local time. */
const sh = (local: string) => new Date(`${local}+08:00`)

describe("quiet hours 21:30–08:00 Asia/Shanghai", () => {
  it("is quiet from 21:30 inclusive to 08:00 exclusive, across midnight", () => {
    expect(isQuietTime(sh("2026-03-02T21:29:59"), quiet)).toBe(false)
    expect(isQuietTime(sh("2026-03-02T21:30:00"), quiet)).toBe(true)
    expect(isQuietTime(sh("2026-03-02T23:59:00"), quiet)).toBe(true)
    expect(isQuietTime(sh("2026-03-03T00:00:00"), quiet)).toBe(true)
    expect(isQuietTime(sh("2026-03-03T07:59:59"), quiet)).toBe(true)
    expect(isQuietTime(sh("2026-03-03T08:00:00"), quiet)).toBe(false)
    expect(isQuietTime(sh("2026-03-03T12:00:00"), quiet)).toBe(false)
  })

  it("ends at the next 08:00 local, the same morning after midnight or the next one before", () => {
    expect(endOfQuietTime(sh("2026-03-02T22:15:00"), quiet).toISOString()).toBe(sh("2026-03-03T08:00:00").toISOString())
    expect(endOfQuietTime(sh("2026-03-03T03:00:00"), quiet).toISOString()).toBe(sh("2026-03-03T08:00:00").toISOString())
    const noon = sh("2026-03-03T12:00:00")
    expect(endOfQuietTime(noon, quiet)).toBe(noon)
  })

  it("accepts off and a window that does not wrap, and refuses nonsense", () => {
    expect(parseQuietHours("off")).toBeNull()
    expect(isQuietTime(sh("2026-03-02T23:00:00"), null)).toBe(false)
    const lunch = parseQuietHours("12:00-13:30")
    expect(isQuietTime(sh("2026-03-02T12:30:00"), lunch)).toBe(true)
    expect(isQuietTime(sh("2026-03-02T13:30:00"), lunch)).toBe(false)
    expect(endOfQuietTime(sh("2026-03-02T12:30:00"), lunch).toISOString()).toBe(sh("2026-03-02T13:30:00").toISOString())
    expect(() => parseQuietHours("21:30")).toThrow(/21:30-08:00/)
    expect(() => parseQuietHours("25:00-08:00")).toThrow()
    expect(() => parseQuietHours("08:00-08:00")).toThrow()
  })
})

describe("retry backoff", () => {
  it("doubles from one minute and stops growing at four hours", () => {
    const mid = () => 0.5
    expect(retryDelayMs(1, mid)).toBe(60_000)
    expect(retryDelayMs(2, mid)).toBe(120_000)
    expect(retryDelayMs(3, mid)).toBe(240_000)
    expect(retryDelayMs(20, mid)).toBe(4 * 60 * 60_000)
    expect(retryDelayMs(1, () => 0)).toBe(54_000)
    expect(retryDelayMs(1, () => 1)).toBe(66_000)
  })
})
