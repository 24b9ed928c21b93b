/**
 * The one rule for "can a resident order for this cycle at this point now".
 * Every place that offers or takes an order asks it: the cycles list, the
 * availability hint, the product marks (through availability), the cart's
 * default cycle and checkout itself (reserveForCart applies it to the batch
 * row it holds FOR UPDATE). A cycle that refuses orders is never offered.
 */
import type { Perishability } from "./pickup-hold"

export type { Perishability } from "./pickup-hold"

export const STORAGE_CLASSES: readonly Perishability[] = ["chilled", "ambient"]

/** Batch statuses that still take orders; after arrival the delivery has left. */
export const ORDERABLE_BATCH_STATUSES: readonly string[] = ["open", "harvest_frozen"]

/** Why an order cannot join a cycle at a point. */
export type OrderRefusalCode = "no_cycle" | "cycle_canceled" | "cutoff_passed" | "batch_closed" | "point_full"

/** One cycle as seen from one point: the cycle, its batch there (none yet: nothing reserved) and the point's capacity. */
export type CycleAtPoint = {
  cycle: {
    id: string
    resident_cutoff_at: Date | string
    canceled_at?: Date | string | null
  } | null
  batch: { status: string; reserved_chilled: number | string; reserved_ambient: number | string } | null
  point: { capacity_chilled: number | string; capacity_ambient: number | string }
}

const time = (at: Date | string) => new Date(at).getTime()

/** Places left for a class, ignoring the clock and the batch state (never negative). */
export function placesFree(state: CycleAtPoint, perishability: Perishability): number {
  const capacity = Number(perishability === "chilled" ? state.point.capacity_chilled : state.point.capacity_ambient)
  const taken = Number(
    (perishability === "chilled" ? state.batch?.reserved_chilled : state.batch?.reserved_ambient) ?? 0
  )
  return Math.max(0, capacity - taken)
}

/** Refusal that holds for every class (the cycle and batch, not the places), or null. */
export function cycleRefusal(state: CycleAtPoint, now: Date): Exclude<OrderRefusalCode, "point_full"> | null {
  if (!state.cycle) return "no_cycle"
  if (state.cycle.canceled_at) return "cycle_canceled"
  if (time(state.cycle.resident_cutoff_at) <= now.getTime()) return "cutoff_passed"
  if (state.batch && !ORDERABLE_BATCH_STATUSES.includes(state.batch.status)) return "batch_closed"
  return null
}

/**
 * Whether an order of this storage class can join the cycle at the point at
 * `now`: null when it can, else why not. The cutoff is exclusive (at 22:00:00
 * a 22:00 cutoff has passed).
 */
export function orderRefusal(state: CycleAtPoint, perishability: Perishability, now: Date): OrderRefusalCode | null {
  return cycleRefusal(state, now) ?? (placesFree(state, perishability) > 0 ? null : "point_full")
}

export type CycleOffer = {
  /** null when at least one class can still order; else why the cycle takes no order at all. */
  refusal: OrderRefusalCode | null
  /** Places an order of each class can still take now (0 when that class is refused). */
  places_left: Record<Perishability, number>
}

/** What the shop may offer of one cycle at one point now. */
export function cycleOffer(state: CycleAtPoint, now: Date): CycleOffer {
  const closed = cycleRefusal(state, now)
  const places_left = {
    chilled: closed ? 0 : placesFree(state, "chilled"),
    ambient: closed ? 0 : placesFree(state, "ambient"),
  }
  const refusal = closed ?? (places_left.chilled > 0 || places_left.ambient > 0 ? null : "point_full")
  return { refusal, places_left }
}

/**
 * The cycles to offer, in the order given (nearest cutoff first): those that
 * take an order of at least one class — or of `perishability` when given.
 */
export function offeredCycles<T extends CycleAtPoint>(states: T[], now: Date, perishability?: Perishability): T[] {
  return states.filter((s) =>
    perishability ? orderRefusal(s, perishability, now) === null : cycleOffer(s, now).refusal === null
  )
}

/** The next cycle an order (of `perishability`, when known) can join, or null. */
export function nextOpenCycle<T extends CycleAtPoint>(states: T[], now: Date, perishability?: Perishability): T | null {
  return offeredCycles(states, now, perishability)[0] ?? null
}
