/**
 * Traceability (decision 023): which harvest batch fills an order line, and
 * what an order sends to households according to its own ledger accruals.
 */

export type BatchCandidate = {
  id: string
  harvested_on: string
  recalled_at: Date | string | null
  created_at?: Date | string
}

/**
 * The batch that fills new lines of a listing: the latest harvest that is not
 * recalled (harvested_on is YYYY-MM-DD, so text order is date order; the later
 * registered wins a tie). Null when every batch is recalled or there is none:
 * the line then has no batch rather than a guessed one.
 */
export function currentHarvestBatch<T extends BatchCandidate>(batches: T[]): T | null {
  let best: T | null = null
  for (const b of batches) {
    if (b.recalled_at) continue
    if (
      !best ||
      b.harvested_on > best.harvested_on ||
      (b.harvested_on === best.harvested_on && String(b.created_at ?? b.id) > String(best.created_at ?? best.id))
    ) {
      best = b
    }
  }
  return best
}

export type AccrualPosting = {
  kind: string
  account: string
  direction: string
  amount: number | string
  party_type: string | null
  party_id: string | null
  reason?: string | null
}

export type HouseholdAccrual =
  | { status: "pending"; households: null; amount_fen: null }
  | { status: "posted"; households: number; amount_fen: number }

/**
 * What an order sends to households, from its own postings: the households'
 * net on the order across accrued, earned and paid_out — its accrual, moved by
 * any order edit (decision 024), shortage or cancellation reversal, and
 * unchanged by handover and payout (they move money between those accounts).
 * `households` counts the distinct named households with a positive net (an
 * unattributed share counts in the amount, not as a household). "pending"
 * while the order.placed subscriber has not posted the accrual yet — never an
 * estimate. An order edit (reason `order_edit`, decision 024) changes what
 * the order is: its postings count both ways, so the figure is that of the
 * edited order, and a household whose lines were all removed is no longer
 * counted. Other reversals (cancellation, refunds, shortages) do not change it.
 */
export function householdAccrual(entries: AccrualPosting[]): HouseholdAccrual {
  if (!entries.some((e) => e.kind === "accrual")) return { status: "pending", households: null, amount_fen: null }
  const net = new Map<string, number>()
  let amount = 0
  for (const e of entries) {
    if (e.party_type !== "household" || !HELD.has(e.account)) continue
    const signed = e.direction === "credit" ? Number(e.amount) : -Number(e.amount)
    amount += signed
    if (e.party_id) net.set(e.party_id, (net.get(e.party_id) ?? 0) + signed)
  }
  const households = [...net.values()].filter((v) => v > 0).length
  return { status: "posted", households, amount_fen: amount }
}

/** Accounts on which a party holds its share of an order, at any stage. */
const HELD = new Set(["accrued", "earned", "paid_out"])
