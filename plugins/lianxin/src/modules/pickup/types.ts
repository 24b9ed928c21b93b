import type { CycleAtPoint } from "../../utils/order-rule"

/** A code as it was before issueCode, for its compensation. */
export type PreviousCode = {
  code_hash: string | null
  code_version: number
  code_sealed?: string | null
  code_shown_at?: Date | string | null
}

/** Failures per subject within the window that lock it, and for how long. */
export const LOCKOUT_FAILURES = 5
export const LOCKOUT_MINUTES = 15

/** Assignment statuses that still hold a place and a live code. */
export const LIVE_STATUSES = "('reserved', 'placed', 'ready')"

export type Perishability = "chilled" | "ambient"

export type ReserveInput = {
  cart_id: string
  pickup_point_id: string
  order_cycle_id: string
  perishability: Perishability
  customer_id: string | null
  now: Date
}

export type ReservationRow = {
  id: string
  cart_id: string
  batch_id: string
  bag_number: number
  pickup_point_id: string
  order_cycle_id: string
  property_office_id: string
  perishability: Perishability
  status: string
  created: boolean
}

export type PlaceReservationInput = {
  cart_id: string
  order_id: string
  resident_name_masked: string
  phone_last4: string
  order_total_fen: number
  lines: Array<{
    line_item_id: string
    variant_id: string | null
    product_id: string | null
    title: string
    quantity: number
    amount_fen: number
  }>
}

export type CancelPlacedResult =
  | { ok: true; id: string; batch_id: string; perishability: string; code_hash: string | null }
  | { ok: false; reason: "not_found" | "not_placed" | "cutoff_passed"; status: string | null }

export type VerifyInput = {
  staff_id: string
  pickup_point_id: string
  assignment_id?: string
  code?: string
  token?: string
  now: Date
}

export type VerifyResult =
  | { ok: true; assignment_id: string; order_id: string; status: string; method: "code" | "qr" }
  | {
      ok: false
      reason: "wrong_code" | "bad_token" | "locked"
      locked_until: Date | null
      failure_id: string | null
    }

export type PointCapacity = { id: string; office_id: string; capacity_chilled: number; capacity_ambient: number }

export type CycleRow = {
  id: string
  name: string
  rhythm: string
  producer_cutoff_at: Date
  resident_cutoff_at: Date
  pickup_starts_at: Date
  pickup_ends_at: Date
  canceled_at: Date | null
}

export type CycleAtPointRow = CycleAtPoint & {
  cycle: CycleRow
  batch: { id: string; status: string; reserved_chilled: number; reserved_ambient: number } | null
  point: PointCapacity
}

export type CyclesAtPointInput = { point_id: string; now: Date; cycle_id?: string; limit?: number }

export type PlannedCycle = {
  key: string
  name: string
  rhythm: "daily" | "weekly" | "special"
  producer_cutoff_at: Date
  resident_cutoff_at: Date
  pickup_starts_at: Date
  pickup_ends_at: Date
}

/** A batch check-in's claim: the check-in time and staff written on the batch. */
export type CheckInClaim = { batch_id: string; staff_id: string; now: Date }

/**
 * The code crypto the facade lends to the code repositories (keys never leave the service): `hash` under the
 * current key, `candidates` under every loaded key (decision 016: codes issued before a rotation still match),
 * sealing with the current key and opening with the key a sealed copy names. Read on every call (`currentKeyId()`):
 * the keyring may be replaced while the module runs (the key-rotation test swaps it in place).
 */
export type CodeCrypto = {
  currentKeyId: () => string
  hash: (pickupPointId: string, code: string) => string
  candidates: (pickupPointId: string, code: string) => string[]
  seal: (context: string, code: string) => string
  open: (context: string, sealed: string) => string | null
  sealedKeyId: (sealed: string) => string | null
}

/** One code's values before rekeyCodes moved it to the current key. */
export type RekeyedCode = { id: string; code_hash: string; code_sealed: string }
export type RekeyResult = { updated: number; unreadable: number; last_id: string | null; previous: RekeyedCode[] }

export type UncancelInput = { id: string; batch_id: string; perishability: string; code_hash: string | null }
export type ShortageClaim = { id: string; from: number; to: number }
export type DisposalInput = { assignment_id: string; policy: string; note: string | null; staff_id: string; now: Date }
export type FreezeInput = { batch_id: string; now: Date; snapshot: unknown }
export type UnmarkReadyInput = { batch_id: string; assignment_ids: string[] }
export type MoveBatchInput = { batch_id: string; from: string[]; to: string; set?: Record<string, unknown> }
export type CounterBatchesInput = { point_id: string; day_start: Date; now: Date }
export type CounterUncollectedInput = { point_id: string; now: Date; limit: number; offset: number }
