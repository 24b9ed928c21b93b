/**
 * Statement periods in Asia/Shanghai time. China keeps UTC+8 all year (no
 * daylight saving), so a fixed offset is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

export type Period = { start: Date; end: Date }

/** The Monday-to-Monday week (00:00 Asia/Shanghai) that contains `at`. */
export function weekContaining(at: Date): Period {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const dayOfWeek = (local.getUTCDay() + 6) % 7 // Monday = 0
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  const start = new Date(localMidnight - dayOfWeek * DAY_MS - SHANGHAI_OFFSET_MS)
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) }
}

/** The last week that has fully ended before `now`. */
export function previousWeek(now: Date): Period {
  const current = weekContaining(now)
  return { start: new Date(current.start.getTime() - 7 * DAY_MS), end: current.start }
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}
