/**
 * How long a ready order waits at the point, by perishability, and when the
 * resident is reminded. Hours come from the pickup point (configurable per
 * point; 24 h chilled, 72 h ambient by default).
 */
const HOUR_MS = 60 * 60 * 1000

export type HoldPolicy = { hold_hours_chilled: number; hold_hours_ambient: number; reminder_hours_before: number }
export type Perishability = "chilled" | "ambient"

export function holdExpiresAt(readyAt: Date, perishability: Perishability, policy: HoldPolicy): Date {
  const hours = perishability === "chilled" ? policy.hold_hours_chilled : policy.hold_hours_ambient
  if (!(hours > 0)) throw new RangeError("hold hours must be positive")
  return new Date(readyAt.getTime() + hours * HOUR_MS)
}

/** The reminder is due this long before expiry, but never before the order is ready. */
export function reminderDueAt(readyAt: Date, expiresAt: Date, policy: HoldPolicy): Date {
  const due = expiresAt.getTime() - policy.reminder_hours_before * HOUR_MS
  return new Date(Math.max(due, readyAt.getTime()))
}

export type HoldState = "holding" | "remind" | "expired"

export function holdState(
  a: { ready_at: Date | string; hold_expires_at: Date | string; reminder_sent_at?: Date | string | null },
  policy: HoldPolicy,
  now: Date
): HoldState {
  const expires = new Date(a.hold_expires_at)
  if (now.getTime() >= expires.getTime()) return "expired"
  if (!a.reminder_sent_at && now.getTime() >= reminderDueAt(new Date(a.ready_at), expires, policy).getTime()) {
    return "remind"
  }
  return "holding"
}

/** An order counts as chilled when any of its products needs the cold store. */
export function orderPerishability(
  products: Array<{ metadata?: Record<string, unknown> | null } | null | undefined>
): Perishability {
  return products.some((p) => p?.metadata?.perishability === "chilled") ? "chilled" : "ambient"
}
