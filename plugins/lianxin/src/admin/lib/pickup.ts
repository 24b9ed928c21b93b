/** Shapes of the pickup admin routes as the pages read them (docs/admin.md). */
export type Office = {
  id: string
  company: string
  compound_name: string
  address: string
  city: string
  district: string | null
  phone: string
  opening_hours: { days: number[]; opens: string; closes: string }[] | null
  is_active: boolean
  points?: { id: string }[]
}

export type Point = {
  id: string
  code: string
  name: string
  office_id: string
  office?: { compound_name: string }
  capacity_chilled: number
  capacity_ambient: number
  hold_hours_chilled: number
  hold_hours_ambient: number
  reminder_hours_before: number
  uncollected_policy: "donate" | "dispose" | "sell_off"
  is_active: boolean
}

export type Cycle = {
  id: string
  name: string
  rhythm: "daily" | "weekly" | "special"
  producer_cutoff_at: string
  resident_cutoff_at: string
  pickup_starts_at: string
  pickup_ends_at: string
  canceled_at: string | null
}

export type Staff = {
  id: string
  name: string
  email: string
  phone: string | null
  is_active: boolean
  point_ids: string[]
}

export type Batch = {
  id: string
  status: "open" | "harvest_frozen" | "arrived" | "ready"
  point: { id: string; code: string; name: string } | null
  cycle: { id: string; name: string; pickup_starts_at: string; pickup_ends_at: string } | null
  checked_in_at: string | null
  shortages: { id: string; variant_id: string; missing_quantity: number; note: string | null }[]
  orders: Record<string, number>
}

export const POLICIES = ["donate", "dispose", "sell_off"] as const

/** "2026-12-10T18:00" typed in a datetime-local field, read as Asia/Shanghai wall-clock time. */
export const shanghaiInput = (value: string) => (value ? new Date(`${value}:00+08:00`).toISOString() : "")

/** The other way: an instant as the datetime-local value in Asia/Shanghai. */
export const toShanghaiInput = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16)

/** Where a cycle stands now, for its status badge. */
export function cycleState(c: Cycle, now = Date.now()): "open" | "closed" | "canceled" | "over" {
  if (c.canceled_at) return "canceled"
  if (new Date(c.pickup_ends_at).getTime() <= now) return "over"
  if (new Date(c.resident_cutoff_at).getTime() <= now) return "closed"
  return "open"
}
