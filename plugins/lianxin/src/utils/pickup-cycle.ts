/**
 * Order cycle instants from Asia/Shanghai wall-clock rules. China keeps UTC+8
 * all year (no daylight saving), so a fixed offset is exact.
 */
const SHANGHAI_OFFSET_MIN = 8 * 60
const DAY_MS = 24 * 60 * 60 * 1000

export type CycleTimes = {
  producer_cutoff_at: Date
  resident_cutoff_at: Date
  pickup_starts_at: Date
  pickup_ends_at: Date
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/

/** The instant of "YYYY-MM-DD HH:mm" in Asia/Shanghai, `dayOffset` days later. */
export function shanghaiInstant(ymd: string, hhmm: string, dayOffset = 0): Date {
  const d = YMD.exec(ymd)
  const t = HHMM.exec(hhmm)
  if (!d) throw new RangeError(`not a date (YYYY-MM-DD): ${ymd}`)
  if (!t) throw new RangeError(`not a time (HH:mm): ${hhmm}`)
  const utc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + dayOffset, Number(t[1]), Number(t[2]))
  const result = new Date(utc - SHANGHAI_OFFSET_MIN * 60_000)
  const check = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])))
  if (check.getUTCMonth() !== Number(d[2]) - 1) throw new RangeError(`no such date: ${ymd}`)
  return result
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiYmd(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MIN * 60_000).toISOString().slice(0, 10)
}

/** Monday = 1 … Sunday = 7 of an instant in Asia/Shanghai. */
export function shanghaiWeekday(at: Date): number {
  const day = new Date(at.getTime() + SHANGHAI_OFFSET_MIN * 60_000).getUTCDay()
  return day === 0 ? 7 : day
}

export type DailyRule = {
  /** Residents order until this time on the order day, e.g. "22:00". */
  resident_cutoff: string
  /** Producers' cutoff, on the order day, not later than the residents'. */
  producer_cutoff: string
  /** Pickup window on the next day (or pickup_day_offset days later). */
  pickup_start: string
  pickup_end: string
  pickup_day_offset?: number
}

/** One daily cycle: order on `orderDay` until the cutoff, collect the next day. */
export function dailyCycle(orderDay: string, rule: DailyRule): CycleTimes {
  const offset = rule.pickup_day_offset ?? 1
  const times = {
    producer_cutoff_at: shanghaiInstant(orderDay, rule.producer_cutoff),
    resident_cutoff_at: shanghaiInstant(orderDay, rule.resident_cutoff),
    pickup_starts_at: shanghaiInstant(orderDay, rule.pickup_start, offset),
    pickup_ends_at: shanghaiInstant(orderDay, rule.pickup_end, offset),
  }
  assertCycleTimes(times)
  return times
}

export type WeeklyRule = DailyRule & {
  /** Weekday of the residents' cutoff, Monday = 1. */
  cutoff_weekday: number
}

/** The weekly cycle whose cutoff falls in the week (Monday-based, Shanghai) containing `at`. */
export function weeklyCycle(at: Date, rule: WeeklyRule): CycleTimes {
  if (!Number.isInteger(rule.cutoff_weekday) || rule.cutoff_weekday < 1 || rule.cutoff_weekday > 7) {
    throw new RangeError("cutoff_weekday must be 1 (Monday) to 7 (Sunday)")
  }
  const monday = new Date(at.getTime() - (shanghaiWeekday(at) - 1) * DAY_MS)
  const cutoffDay = shanghaiYmd(new Date(monday.getTime() + (rule.cutoff_weekday - 1) * DAY_MS))
  return dailyCycle(cutoffDay, rule)
}

/** Throws unless producer cutoff ≤ resident cutoff < pickup start < pickup end. */
export function assertCycleTimes(t: CycleTimes): void {
  const p = t.producer_cutoff_at.getTime()
  const r = t.resident_cutoff_at.getTime()
  const s = t.pickup_starts_at.getTime()
  const e = t.pickup_ends_at.getTime()
  if ([p, r, s, e].some((x) => Number.isNaN(x))) throw new RangeError("cycle times must be valid instants")
  if (p > r) throw new RangeError("producer_cutoff_at must not be after resident_cutoff_at")
  if (r >= s) throw new RangeError("resident_cutoff_at must be before pickup_starts_at")
  if (s >= e) throw new RangeError("pickup_starts_at must be before pickup_ends_at")
}
