/**
 * Rules for who produced a product: one household alone (no cooperative, one
 * share of the whole), or a cooperative with the households it buys from,
 * whose proportions in basis points sum to exactly 10000.
 */

export const WHOLE_BP = 10_000

export type ShareInput = { household_id: string; share_bp: number }

/** The first problem with a set of shares as [field, reason], or null when they are valid. */
export function attributionSharesProblem(
  cooperativeId: string | null | undefined,
  shares: ShareInput[]
): [field: string, reason: string] | null {
  if (!shares.length) {
    return ["shares", "at least one household is required"]
  }
  for (const [i, s] of shares.entries()) {
    if (!Number.isInteger(s.share_bp) || s.share_bp < 1 || s.share_bp > WHOLE_BP) {
      return [`shares.${i}.share_bp`, `must be a whole number of basis points from 1 to ${WHOLE_BP}`]
    }
  }
  if (new Set(shares.map((s) => s.household_id)).size !== shares.length) {
    return ["shares", "each household may appear only once"]
  }
  if (!cooperativeId && shares.length !== 1) {
    return ["shares", "without a cooperative a product belongs to exactly one household"]
  }
  const total = shares.reduce((sum, s) => sum + s.share_bp, 0)
  if (total !== WHOLE_BP) {
    return ["shares", `proportions must sum to ${WHOLE_BP} basis points, got ${total}`]
  }
  return null
}
