import { allocateLargestRemainder } from "./largest-remainder"

/** The four parties every fen of a sale is attributed to. */
export const SHARE_PARTIES = ["household", "cooperative", "property_office", "platform"] as const
export type SharePartyType = (typeof SHARE_PARTIES)[number]

export const BASIS_POINTS_TOTAL = 10_000

/** A split policy's shares in basis points; they sum to 10 000. */
export type ShareBasisPoints = Record<SharePartyType, number>

export function validateShares(shares: ShareBasisPoints): string[] {
  const problems: string[] = []
  for (const party of SHARE_PARTIES) {
    const bp = shares[party]
    if (!Number.isInteger(bp) || bp < 0 || bp > BASIS_POINTS_TOTAL) {
      problems.push(`${party}_bp must be an integer from 0 to 10000`)
    }
  }
  const sum = SHARE_PARTIES.reduce((acc, p) => acc + shares[p], 0)
  if (problems.length === 0 && sum !== BASIS_POINTS_TOTAL) {
    problems.push(`shares must sum to 10000 basis points, got ${sum}`)
  }
  return problems
}

/**
 * Splits what the resident paid for one order line (integer fen, after
 * discounts) into the four parties' shares. Largest remainder, and a tie goes
 * to the household first (then cooperative, property office, platform): the
 * leftover fen go to the household.
 */
export function splitLineAmount(amountFen: number, shares: ShareBasisPoints): Record<SharePartyType, number> {
  const problems = validateShares(shares)
  if (problems.length) {
    throw new RangeError(problems.join("; "))
  }
  return allocateLargestRemainder(
    amountFen,
    SHARE_PARTIES.map((key) => ({ key, weight: shares[key] }))
  )
}

/**
 * Splits the household share of a line among the households a cooperative
 * buys from, by their proportions (basis points), largest remainder with ties
 * to the household listed first.
 */
export function splitAmongHouseholds(
  amountFen: number,
  households: ReadonlyArray<{ household_id: string; share_bp: number }>
): Record<string, number> {
  return allocateLargestRemainder(
    amountFen,
    households.map((h) => ({ key: h.household_id, weight: h.share_bp }))
  )
}

/**
 * What must be reversed when only `remainingFen` of a line's `originalFen`
 * stays paid: the difference between the split of the original amount and the
 * split of what remains. Reversing this way keeps every party's net exactly
 * equal to the split of what was finally paid, however many partial reversals
 * happen, and never below zero.
 */
export function reversalShares(
  originalFen: number,
  alreadyReversedFen: number,
  reverseFen: number,
  shares: ShareBasisPoints
): Record<SharePartyType, number> {
  if (alreadyReversedFen + reverseFen > originalFen) {
    throw new RangeError(
      `cannot reverse ${reverseFen} fen: only ${originalFen - alreadyReversedFen} of ${originalFen} fen remain`
    )
  }
  const before = splitLineAmount(originalFen - alreadyReversedFen, shares)
  const after = splitLineAmount(originalFen - alreadyReversedFen - reverseFen, shares)
  const result = {} as Record<SharePartyType, number>
  for (const party of SHARE_PARTIES) {
    result[party] = before[party] - after[party]
  }
  return result
}
