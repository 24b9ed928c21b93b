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
 * How a reversal of `reverseFen` is shared among the parties that still hold
 * money on a line: in proportion to what each holds (largest remainder, ties
 * to the parties listed first — the caller lists households first).
 *
 * Not `split(before) − split(after)`: largest remainder is not monotone (the
 * Alabama paradox), so that difference can ask a party to give back −1 fen.
 * Proportional to the balances, every part is between 0 and the party's
 * balance, the parts sum exactly to the reversal, and reversing everything
 * that remains returns each balance exactly.
 */
export function reversalFromBalances<K extends string>(
  balances: ReadonlyArray<{ key: K; balance: number }>,
  reverseFen: number
): Record<K, number> {
  const held = balances.reduce((acc, b) => acc + b.balance, 0)
  if (!Number.isSafeInteger(reverseFen) || reverseFen < 0) {
    throw new RangeError(`the amount to reverse must be a non-negative whole number of fen, got ${reverseFen}`)
  }
  if (balances.some((b) => !Number.isSafeInteger(b.balance) || b.balance < 0)) {
    throw new RangeError("balances must be non-negative whole numbers of fen")
  }
  if (reverseFen > held) {
    throw new RangeError(`cannot reverse ${reverseFen} fen: only ${held} fen remain`)
  }
  if (reverseFen === 0 || held === 0) {
    return Object.fromEntries(balances.map((b) => [b.key, 0])) as Record<K, number>
  }
  return allocateLargestRemainder(
    reverseFen,
    balances.map((b) => ({ key: b.key, weight: b.balance }))
  )
}
