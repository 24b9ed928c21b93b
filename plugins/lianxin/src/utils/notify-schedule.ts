/**
 * When a message may go out: quiet hours (Asia/Shanghai, no daylight saving, so
 * a fixed +08:00 offset is exact) and the retry backoff. Pure functions; the
 * clock is always passed in.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE_MS = 60_000

/** Minutes after local midnight at which quiet hours start and end; `null` = no quiet hours. */
export type QuietHours = { start: number; end: number } | null

export const DEFAULT_QUIET_HOURS = "21:30-08:00"

/** Parses `HH:MM-HH:MM` (start-end, may wrap past midnight) or `off`. Throws with a message naming the format. */
export function parseQuietHours(value: string): QuietHours {
  const v = value.trim().toLowerCase()
  if (v === "off" || v === "none") return null
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(v)
  if (!m) throw new Error(`quiet hours must look like 21:30-08:00 or be "off" (got ${JSON.stringify(value)})`)
  const start = Number(m[1]) * 60 + Number(m[2])
  const end = Number(m[3]) * 60 + Number(m[4])
  if (start === end) throw new Error("quiet hours must not start and end at the same minute")
  return { start, end }
}

function minuteOfShanghaiDay(at: Date): number {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  return local.getUTCHours() * 60 + local.getUTCMinutes()
}

/** Whether `at` falls inside quiet hours (start inclusive, end exclusive). */
export function isQuietTime(at: Date, quiet: QuietHours): boolean {
  if (!quiet) return false
  const m = minuteOfShanghaiDay(at)
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end
}

/** The first instant at or after `at` outside quiet hours (`at` itself when it is not quiet). */
export function endOfQuietTime(at: Date, quiet: QuietHours): Date {
  if (!quiet || !isQuietTime(at, quiet)) return at
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  let end = localMidnight + quiet.end * MINUTE_MS - SHANGHAI_OFFSET_MS
  if (end <= at.getTime()) end += DAY_MS
  return new Date(end)
}

/** Delay before attempt `attempt + 1` after `attempt` failed ones: 1, 2, 4 … minutes, at most 4 hours, ±10 % jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MINUTE_MS * 2 ** Math.max(0, attempt - 1), 4 * 60 * MINUTE_MS)
  return Math.round(base * (0.9 + 0.2 * random()))
}
