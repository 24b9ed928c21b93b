import { createHash } from "node:crypto"
import { allocateLargestRemainder } from "./largest-remainder"

/**
 * Sharing a shortage among the residents who ordered the variant, pro rata to
 * the quantity each ordered (largest remainder, integers only).
 *
 * Who wins a leftover unit on a tie must not depend on who ordered first, nor
 * be guessable by a resident. Lines are therefore listed by
 * SHA-256("<batch id>:<line item id>") — a fixed, reproducible order that is
 * unrelated to ordering time — and ties go to the first listed (the rule of
 * allocateLargestRemainder). Line item id breaks a (never seen) hash tie.
 */
export type ShortageLine = { line_item_id: string; order_id: string; quantity: number }
export type ShortageAllocation = { line_item_id: string; order_id: string; short_quantity: number }

export function shortageTieOrder(batchId: string, lineItemId: string): string {
  return createHash("sha256").update(`${batchId}:${lineItemId}`).digest("hex")
}

export function allocateShortage(batchId: string, missing: number, lines: ShortageLine[]): ShortageAllocation[] {
  if (!Number.isSafeInteger(missing) || missing < 0)
    throw new RangeError("missing quantity must be a non-negative integer")
  const ordered = lines.reduce((s, l) => s + l.quantity, 0)
  if (missing > ordered) {
    throw new RangeError(`missing quantity ${missing} is more than the ${ordered} ordered`)
  }
  if (!lines.length || missing === 0) {
    return lines.map((l) => ({ line_item_id: l.line_item_id, order_id: l.order_id, short_quantity: 0 }))
  }
  const sorted = [...lines].sort((x, y) => {
    const a = shortageTieOrder(batchId, x.line_item_id)
    const b = shortageTieOrder(batchId, y.line_item_id)
    return a === b ? x.line_item_id.localeCompare(y.line_item_id) : a < b ? -1 : 1
  })
  const shares = allocateLargestRemainder(
    missing,
    sorted.map((l) => ({ key: l.line_item_id, weight: l.quantity }))
  )
  return lines.map((l) => ({
    line_item_id: l.line_item_id,
    order_id: l.order_id,
    short_quantity: shares[l.line_item_id],
  }))
}

/**
 * The part of a line's paid amount (integer fen) that `short` of its
 * `quantity` units represent, by the same largest-remainder rule, so the
 * refunded and the kept parts always add up to what was paid.
 */
export function shortRefundFen(amountFen: number, quantity: number, short: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError("quantity must be a positive integer")
  if (!Number.isSafeInteger(short) || short < 0 || short > quantity) throw new RangeError("short must be 0..quantity")
  if (short === 0) return 0
  if (short === quantity) return amountFen
  return allocateLargestRemainder(amountFen, [
    { key: "short", weight: short },
    { key: "kept", weight: quantity - short },
  ]).short
}
