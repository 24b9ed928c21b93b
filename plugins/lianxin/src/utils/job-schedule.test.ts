import fs from "node:fs"
import path from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { defaultSchedule, jobSchedule, longestDayGap, MAX_TIMER_MS, OFF, scheduleProblem, tickOf } from "./job-schedule"

const at = (iso: string) => new Date(iso)

describe("tickOf: the schedule's own time a run belongs to", () => {
  it("a run picked up just after, long after, or just before its time belongs to that time", () => {
    expect(tickOf("*/10 * * * *", at("2026-12-05T12:10:00.300Z")).toISOString()).toBe("2026-12-05T12:10:00.000Z")
    expect(tickOf("*/10 * * * *", at("2026-12-05T12:10:40.000Z")).toISOString()).toBe("2026-12-05T12:10:00.000Z")
    expect(tickOf("*/10 * * * *", at("2026-12-05T12:09:58.000Z")).toISOString()).toBe("2026-12-05T12:10:00.000Z")
    expect(tickOf("* * * * *", at("2026-12-05T12:01:00.069Z")).toISOString()).toBe("2026-12-05T12:01:00.000Z")
  })
  it("two workers handed the same tick a moment apart compute the same claim; the next tick is another", () => {
    const a = tickOf("* * * * *", at("2026-12-05T12:01:00.010Z"))
    const b = tickOf("* * * * *", at("2026-12-05T12:01:02.900Z"))
    const next = tickOf("* * * * *", at("2026-12-05T12:02:00.010Z"))
    expect(a.getTime()).toBe(b.getTime())
    expect(next.getTime() - a.getTime()).toBe(60_000)
  })
})

describe("jobSchedule: LIANXIN_JOB_SCHEDULES", () => {
  afterEach(() => {
    delete process.env.LIANXIN_JOB_SCHEDULES
  })
  it("unset or naming other jobs: the job's own schedule", () => {
    expect(jobSchedule("pickup-holds", "*/10 * * * *")).toBe("*/10 * * * *")
    process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "notify-deliver": "*/2 * * * *" })
    expect(jobSchedule("pickup-holds", "*/10 * * * *")).toBe("*/10 * * * *")
  })
  it("names the job: its schedule from there", () => {
    process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "pickup-holds": "*/5 * * * *" })
    expect(jobSchedule("pickup-holds", "*/10 * * * *")).toBe("*/5 * * * *")
  })
  it("malformed: a start-up error that says what is wrong", () => {
    process.env.LIANXIN_JOB_SCHEDULES = "{pickup-holds: 5}"
    expect(() => jobSchedule("pickup-holds", "*/10 * * * *")).toThrow(/not JSON/)
    process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "pickup-holds": "every five minutes" })
    expect(() => jobSchedule("pickup-holds", "*/10 * * * *")).toThrow(/pickup-holds: a cron expression/)
    process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "pickup-holds": "99 * * * *" })
    expect(() => jobSchedule("pickup-holds", "*/10 * * * *")).toThrow(/pickup-holds: not a valid cron expression/)
  })
})

describe("schedules Medusa's in-memory scheduler can keep (one timer, at most 2^31 - 1 ms)", () => {
  const from = new Date(2026, 11, 6, 12)
  it("measures the most days between days with a tick, from today to four years on", () => {
    expect(longestDayGap("* * * * *", from)).toBe(1)
    expect(longestDayGap("0 17 * * 0", from)).toBe(7)
    expect(longestDayGap("0 0 1,15 * *", from)).toBe(17)
    expect(longestDayGap("0 0 1 * 1", from)).toBe(7) // either day field, as cron reads both
    expect(longestDayGap("0 0 1 * *", from)).toBe(31)
    expect(longestDayGap("0 0 1 1 *", from)).toBe(366)
    expect(longestDayGap("* * * 1-11 *", from)).toBe(32)
    // Once in four years, or never by numbers ("L"): as long as the horizon.
    expect(longestDayGap("0 0 29 2 *", from)).toBeGreaterThan(800)
    expect(longestDayGap("0 0 L * *", from)).toBe(4 * 366)
  })
  it("refuses a gap a timer cannot hold, and says what to do instead", () => {
    for (const cron of ["0 0 1 1 *", "0 0 1 * *", "0 0 1 */2 *", "0 0 29 2 *"])
      expect(scheduleProblem(cron), cron).toMatch(/more than 23 days apart.*"off"/)
    for (const cron of ["* * * * *", "*/10 * * * *", "0 4 * * *", "0 17 * * 0", "0 0 1,10,20 * *"])
      expect(scheduleProblem(cron), cron).toBeNull()
    expect(() => defaultSchedule("monthly-report", "0 3 1 * *")).toThrow(/job monthly-report: schedule 0 3 1 \* \*/)
    expect(MAX_TIMER_MS).toBe(2_147_483_647)
  })
  it('LIANXIN_JOB_SCHEDULES: a yearly override is refused naming the job; "off" is taken', () => {
    process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "search-outbox-drain": "0 0 1 1 *" })
    expect(() => jobSchedule("pickup-holds", "*/10 * * * *")).toThrow(/search-outbox-drain: days with a tick more/)
    process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "search-outbox-drain": OFF })
    expect(jobSchedule("search-outbox-drain", "* * * * *")).toBe("off")
    expect(jobSchedule("pickup-holds", "*/10 * * * *")).toBe("*/10 * * * *")
    delete process.env.LIANXIN_JOB_SCHEDULES
  })
  it("every job's own schedule is one it can keep", () => {
    const dir = path.join(__dirname, "../jobs")
    const found: string[] = []
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8")
      for (const m of source.matchAll(/scheduledJob\(\s*"([^"]+)",\s*"([^"]+)"/g)) {
        found.push(m[1]!)
        expect(scheduleProblem(m[2]!), `${file}: ${m[2]}`).toBeNull()
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(10)
  })
})
