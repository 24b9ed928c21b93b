import { afterEach, describe, expect, it } from "vitest"
import { jobSchedule, tickOf } from "./job-schedule"

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
