/**
 * The counter's lockout as pure rules: a subject ("staff:<id>", "assignment:<id>")
 * that fails `failures` times within `minutes` is locked for `minutes`. The pickup
 * module applies them to rows it holds FOR UPDATE (modules/pickup/repositories/code-lockout.ts).
 */

export type LockRow = {
  subject: string
  failures: number | string
  window_started_at: Date | string
  locked_until: Date | string | null
}

export type LockoutPolicy = { failures: number; minutes: number }

const MINUTE_MS = 60_000

/** The latest lock still in force at `now` among the rows, or null. */
export function lockedUntil(rows: readonly Pick<LockRow, "locked_until">[], now: Date): Date | null {
  let latest: Date | null = null
  for (const row of rows) {
    if (!row.locked_until) continue
    const until = new Date(row.locked_until)
    if (until.getTime() > now.getTime() && (!latest || until.getTime() > latest.getTime())) latest = until
  }
  return latest
}

/**
 * The row after one more failure at `now`: counted in the current window (a
 * window older than `minutes` starts again at `now`), and when the count
 * reaches the limit the subject is locked until `now + minutes` with the count
 * reset.
 */
export function afterFailure(
  row: Pick<LockRow, "failures" | "window_started_at">,
  now: Date,
  policy: LockoutPolicy
): { failures: number; window_started_at: Date; locked_until: Date | null } {
  const windowStart = new Date(row.window_started_at)
  const expired = now.getTime() - windowStart.getTime() >= policy.minutes * MINUTE_MS
  const failures = (expired ? 0 : Number(row.failures)) + 1
  if (failures >= policy.failures) {
    return { failures: 0, window_started_at: now, locked_until: new Date(now.getTime() + policy.minutes * MINUTE_MS) }
  }
  return { failures, window_started_at: expired ? now : windowStart, locked_until: null }
}
