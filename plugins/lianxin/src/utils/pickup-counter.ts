/**
 * Pure rules of the pickup counter: what a handover takes, declines and
 * refuses as damaged and what that leaves to collect; the frozen harvest list
 * with its late additions; which batches matter today at a point.
 */
import { shortRefundFen } from "./pickup-shortage"
import { HARVEST_LIST_COLUMNS, type HarvestListRow } from "./pickup-manifest"

export const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

export type UntakenReason = "declined" | "damaged"

export type CounterLine = {
  id: string
  line_item_id: string
  quantity: number
  short_quantity: number
  amount_fen: number
}

export type HandoverRequestLine = { line_item_id: string; quantity: number; reason?: UntakenReason }

export type HandoverLinePlan = {
  id: string
  line_item_id: string
  /** Units handed over now. */
  quantity: number
  /** Units the resident did not take by choice. */
  declined_quantity: number
  /** Units refused as damaged: settled like a shortage. */
  damaged_quantity: number
  /** The line's short quantity once the damaged units are added. */
  short_quantity: number
  ordered: number
}

/**
 * Splits each line into taken / declined / damaged. Without `requested` the
 * resident takes everything that arrived. A requested line takes `quantity`
 * units; the rest of what arrived is declined unless `reason` says damaged.
 * Lines not named in `requested` are declined in full. Throws an Error whose
 * message names the field (`lines.N.…`) for input that cannot apply.
 */
export function planHandoverLines(lines: CounterLine[], requested?: HandoverRequestLine[]): HandoverLinePlan[] {
  const seen = new Set<string>()
  requested?.forEach((r, i) => {
    const line = lines.find((l) => l.line_item_id === r.line_item_id)
    if (!line) throw new Error(`lines.${i}.line_item_id is not a line of this order`)
    if (seen.has(r.line_item_id)) throw new Error(`lines.${i}.line_item_id is listed twice`)
    seen.add(r.line_item_id)
    const available = line.quantity - line.short_quantity
    if (r.quantity > available) throw new Error(`lines.${i}.quantity is more than the ${available} that arrived`)
  })
  return lines.map((l) => {
    const available = l.quantity - l.short_quantity
    const asked = requested?.find((r) => r.line_item_id === l.line_item_id)
    const quantity = requested ? (asked?.quantity ?? 0) : available
    const untaken = available - quantity
    const damaged = asked?.reason === "damaged" ? untaken : 0
    return {
      id: l.id,
      line_item_id: l.line_item_id,
      quantity,
      declined_quantity: untaken - damaged,
      damaged_quantity: damaged,
      short_quantity: l.short_quantity + damaged,
      ordered: l.quantity,
    }
  })
}

/** The value of declined units, per line as a shortage would be valued (largest-remainder consistent). */
export function declinedFen(lines: CounterLine[], plan: HandoverLinePlan[]): number {
  return plan.reduce((sum, p) => {
    const line = lines.find((l) => l.id === p.id)!
    if (!p.declined_quantity) return sum
    // The declined units' value = value of (short + declined) − value of short alone.
    return (
      sum +
      shortRefundFen(line.amount_fen, line.quantity, p.short_quantity + p.declined_quantity) -
      shortRefundFen(line.amount_fen, line.quantity, p.short_quantity)
    )
  }, 0)
}

/**
 * What the counter collects: the order total less shortage reductions and
 * refunds, less what was paid already (captures net of refunds), less the
 * declined units (a declined unit is not paid for at pickup). Never negative.
 */
export function amountToCollectFen(input: {
  order_total_fen: number
  collect_reduction_fen: number
  refunded_fen: number
  paid_fen: number
  declined_fen: number
}): number {
  return Math.max(
    0,
    input.order_total_fen - input.collect_reduction_fen - input.refunded_fen - input.paid_fen - input.declined_fen
  )
}

export type HarvestSnapshot = {
  frozen_at: string
  /** The orders (assignment ids) the frozen list was made from. */
  assignment_ids: string[]
  rows: HarvestListRow[]
}

export type HarvestManifestRow = HarvestListRow & { section: "live" | "frozen" | "late" }
export const HARVEST_MANIFEST_COLUMNS: Array<keyof HarvestManifestRow & string> = [...HARVEST_LIST_COLUMNS, "section"]

/**
 * The harvest list: before the freeze, the live list ("live"); once frozen,
 * the frozen rows exactly as they were, then the rows of orders placed after
 * the freeze (追加 / late additions, "late") so producers see what was added.
 */
export function harvestManifest(
  snapshot: HarvestSnapshot | null,
  live: HarvestListRow[],
  late: HarvestListRow[]
): HarvestManifestRow[] {
  if (!snapshot) return live.map((r) => ({ ...r, section: "live" as const }))
  return [
    ...snapshot.rows.map((r) => ({ ...r, section: "frozen" as const })),
    ...late.map((r) => ({ ...r, section: "late" as const })),
  ]
}

/** Start and end of the Asia/Shanghai calendar day containing `now`, as instants. */
export function shanghaiDay(now: Date): { start: Date; end: Date } {
  const local = now.getTime() + SHANGHAI_OFFSET_MS
  const startLocal = Math.floor(local / DAY_MS) * DAY_MS
  return { start: new Date(startLocal - SHANGHAI_OFFSET_MS), end: new Date(startLocal - SHANGHAI_OFFSET_MS + DAY_MS) }
}

export type TodayCandidate = {
  status: string
  pickup_starts_at: Date
  pickup_ends_at: Date
  /** Orders still waiting at the counter (ready). */
  ready_count: number
}

/**
 * Does a batch matter at the counter today: its pickup window touches today
 * (Shanghai), it has not arrived and its pickup starts within 48 h, or it is
 * ready and still holds orders.
 */
export function mattersToday(b: TodayCandidate, now: Date): boolean {
  const { start, end } = shanghaiDay(now)
  const starts = b.pickup_starts_at.getTime()
  const ends = b.pickup_ends_at.getTime()
  if (starts < end.getTime() && ends >= start.getTime()) return true
  if (
    (b.status === "open" || b.status === "harvest_frozen") &&
    starts <= now.getTime() + 48 * 3600_000 &&
    ends >= now.getTime()
  ) {
    return true
  }
  return b.status === "ready" && b.ready_count > 0
}

/**
 * Most urgent first: a batch whose pickup window is open now, then one that
 * must be received (not arrived, earliest start first), then the rest by
 * pickup start.
 */
export function urgencyRank(b: TodayCandidate, now: Date): number {
  const t = now.getTime()
  const open = b.pickup_starts_at.getTime() <= t && t < b.pickup_ends_at.getTime()
  if (open && (b.status === "arrived" || b.status === "ready")) return 0
  if (b.status === "open" || b.status === "harvest_frozen" || b.status === "arrived") return 1
  return 2
}

export function sortByUrgency<T extends TodayCandidate>(batches: T[], now: Date): T[] {
  return [...batches].sort(
    (x, y) => urgencyRank(x, now) - urgencyRank(y, now) || x.pickup_starts_at.getTime() - y.pickup_starts_at.getTime()
  )
}
