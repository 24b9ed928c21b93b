import type { HandoverLinePlan, UntakenReason } from "../../utils/pickup-counter"

export type HandoverPlan = {
  assignment_id: string
  order_id: string
  kind: "full" | "partial"
  lines: HandoverLinePlan[]
  /** Line ids whose short quantity grows by damaged units, with the values to restore. */
  damaged: Array<{
    id: string
    short_quantity: number
    damaged_quantity: number
    refund_fen: number
    before: { short_quantity: number; damaged_quantity: number; refund_fen: number }
  }>
  now: Date
}

export type Collection = {
  amount_to_collect_fen: number
  declined_fen: number
  /** The authorized, not yet fully captured payment the counter's money is captured on. */
  payment: { id: string; collection_id: string } | null
}

export type SettlementPlan = {
  assignment_id: string
  order_id: string
  claims: Array<{ id: string; from: number; to: number }>
  reversals: Array<{ line_item_id: string; amount_fen: number }>
  refunds: Array<{ payment_id: string; amount: number; note: string }>
  refund_fen: number
  reduction_fen: number
  reference: string
}

/**
 * What proves an order is the account's (decision 015): the cart it was
 * placed from (kept in the browser's session), or a code to its contact just
 * checked for this account (`contact`: every guest order placed with that
 * mobile number, or that email). An email an account merely registered with
 * proves nothing.
 */
export type ClaimOrdersInput = {
  customer_id: string
  proofs?: Array<{ order_id: string; cart_id: string }>
  contact?: { channel: "sms" | "email"; value: string }
}

export type DisposalPolicy = "donate" | "dispose" | "sell_off"

export type DisposeUncollectedInput = {
  assignment_id: string
  staff_id: string
  policy: DisposalPolicy
  note?: string | null
  now?: Date
}

export type PlacePickupOrderInput = {
  cart_id: string
  /** The resident: who collects (first name) and their mobile; the order's contact. */
  name: string
  phone: string
  /** Guests may give one (an account takes the order over only with proof: claim-orders); a signed-in customer's is their account's. */
  email?: string | null
  pickup_point_id: string
  /** The cycle shown to the resident; without one, the next open cycle at the point for the cart's class. */
  order_cycle_id?: string
  /**
   * true: pay at pickup and place the order now. false: prepare everything up
   * to the payment collection (an online payment session is opened next, and
   * the cart completed once paid).
   */
  complete: boolean
  now?: Date | string
}

export type PickupSummary = {
  point_id: string
  compound_name: string
  address: string
  order_cycle_id: string
  pickup_starts_at: string
  pickup_ends_at: string
  resident_cutoff_at: string
}

export type HandOverPickupInput = {
  assignment_id: string
  staff_id: string
  method: "code" | "qr"
  /**
   * Lines and quantities taken; by default everything that arrived. Units of
   * a line not taken are "declined" (the resident's choice) unless `reason`
   * is "damaged" (refused for quality: settled like a shortage).
   */
  lines?: Array<{ line_item_id: string; quantity: number; reason?: UntakenReason }>
  /** A neighbour collecting with the resident's code. */
  proxy?: { name: string } | null
  now?: Date
}

export type SetCartPickupInput = {
  cart_id: string
  pickup_point_id: string
  order_cycle_id?: string
  now?: Date | string
}

export type PickupChoice = { pickup_point_id: string | null; order_cycle_id: string | null }

export type RememberPickupPointInput = {
  customer_id: string
  /** null: nothing to remember (the step does nothing). */
  pickup_point_id: string | null
  /** Only when the customer has none remembered yet (claiming old orders must not overwrite a choice). */
  only_if_unset?: boolean
}
