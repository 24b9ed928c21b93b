import type { DisposalPolicy, Paginated, PickupStatus, Timestamp } from "./common"

/** One batch on the counter's day (GET /pickup-staff/points/:point_id/today). */
export type StaffTodayBatch = {
  batch: {
    id: string
    status: string
    arrived_at: Timestamp | null
    checked_in_at: Timestamp | null
    harvest_frozen_at: Timestamp | null
    reserved_chilled: number
    reserved_ambient: number
  }
  cycle: {
    id: string
    name: string
    kind: string
    producer_cutoff_at: Timestamp
    resident_cutoff_at: Timestamp
    pickup_start_at: Timestamp
    pickup_end_at: Timestamp
  }
  counts: Record<PickupStatus, number>
  /** Order lines short after check-in. */
  short_lines: number
}
/** GET /pickup-staff/points/:point_id/today */
export type StaffTodayResponse = {
  point: { id: string; code: string; name: string; office: { id: string; compound_name: string; address: string } }
  batches: StaffTodayBatch[]
  /** Uncollected orders still waiting for a disposal. */
  uncollected_pending: number
}

/** A row of the pickup list, by bag (what the counter prints). */
export type StaffPickupListRow = {
  bag_number: number
  resident: string
  phone_last4: string
  order_id: string
  status: string
  items: string
  amount_to_collect_fen: number
  /** Harvest batch and 合格证 of each traced line, "；"-separated; "" until traced (decision 023). */
  harvest_batches: string
}
/** A row of the harvest list, by producer: public codes and names, never registry data. */
export type StaffHarvestRow = {
  producer: string
  household_ids: string
  household_codes: string
  household_names: string
  cooperative_id: string
  cooperative_name: string
  product_id: string
  variant_id: string
  title: string
  quantity: number
  /** live: before the freeze; frozen: as frozen; late: orders placed after the freeze. */
  section: "live" | "frozen" | "late"
}
type ManifestBatch = {
  id: string
  status: string
  cycle_id: string
  point_id: string
  harvest_frozen_at: Timestamp | null
}
/** GET /pickup-staff/batches/:id/manifest?kind=&format=json */
export type StaffManifestRequest = { kind: "pickup" | "harvest"; format: "json" | "csv" }
export type StaffManifestResponse =
  | { batch: ManifestBatch; kind: "pickup"; rows: StaffPickupListRow[] }
  | { batch: ManifestBatch; kind: "harvest"; rows: StaffHarvestRow[] }

/** POST /pickup-staff/batches/:id/check-in */
export type StaffCheckInRequest = { shortages: Array<{ variant_id: string; missing_quantity: number }> }
export type StaffCheckInResponse = {
  batch: { id: string; status: string } & Record<string, unknown>
  ready_count: number
  shortages: Array<{ order_id: string; line_item_id: string; short_quantity: number; refund_fen: number }>
}

/** One order at the counter: no full name, no full phone, never the code. */
export type StaffCounterPickup = {
  id: string
  order_id: string
  display_id: number | null
  pickup_point_id: string
  order_cycle_id: string
  status: PickupStatus
  perishability: string
  bag_number: number | null
  resident: string
  masked_name: string
  phone_last4: string
  order_total_fen: number
  refunded_fen: number
  collect_reduction_fen: number
  /** Still to take at the counter (0 once paid online, collected or closed). */
  amount_to_collect_fen: number
  paid_online: boolean
  ready_at: Timestamp | null
  hold_expires_at: Timestamp | null
  collected_at: Timestamp | null
  uncollected_at: Timestamp | null
  disposition: string | null
  lines: Array<{
    line_item_id: string
    variant_id: string | null
    variant_title: string | null
    title: string
    quantity: number
    short_quantity: number
    handed_over_quantity: number
    declined_quantity: number
    damaged_quantity: number
    refund_fen: number
  }>
  handovers: Array<{
    id: string
    staff_id: string
    kind: string
    method: string
    proxy: boolean
    proxy_name: string | null
    lines: unknown
    amount_to_collect_fen: number
    captured_fen: number
    fulfillment_id: string | null
    handed_over_at: Timestamp
  }>
  disposal: StaffDisposal | null
}
export type StaffDisposal = { policy: DisposalPolicy; note: string | null; staff_id: string; disposed_at: Timestamp }

/** The proof a resident shows: the code they read out, or the QR token their phone shows. */
export type StaffProof = { code: string } | { token: string }
/** POST /pickup-staff/points/:point_id/verify */
export type StaffVerifyRequest = StaffProof & { assignment_id?: string }
/** POST …/verify, GET /pickup-staff/assignments/:id */
export type StaffCounterPickupResponse = { pickup: StaffCounterPickup }
/** 422 (wrong code, bad token) and 429 (locked) of verify and handover. */
export type StaffProofRefusal = {
  type: "wrong_code" | "bad_token" | "locked"
  message: string
  locked_until: Timestamp | null
}

/** POST /pickup-staff/assignments/:id/handover */
export type StaffHandoverRequest = StaffProof & {
  /** Units taken per line; the rest of a line is declined, or damaged with `reason`. Omitted: everything available. */
  lines?: Array<{ line_item_id: string; quantity: number; reason?: "declined" | "damaged" }>
  proxy?: { name: string } | null
}
export type StaffHandoverResponse = {
  pickup: StaffCounterPickup
  amount_to_collect_fen: number
  kind: "full" | "partial"
  declined_fen: number
}

/** GET /pickup-staff/points/:point_id/uncollected */
export type StaffUncollectedRow = {
  id: string
  order_id: string
  display_id: number | null
  bag_number: number
  masked_name: string
  phone_last4: string
  status: PickupStatus
  hold_expires_at: Timestamp | null
  /** The point's policy for this order (or the one it was given). */
  policy: DisposalPolicy | null
  disposal: StaffDisposal | null
}
export type StaffUncollectedResponse = { assignments: StaffUncollectedRow[] } & Paginated
/** POST /pickup-staff/assignments/:id/disposal */
export type StaffDisposalRequest = { policy: DisposalPolicy; note?: string }
