import type { SharePartyType } from "../utils/revenue-split"

export type LedgerAccount = "resident_payments" | "accrued" | "earned" | "paid_out"
export type LedgerEntryKind = "accrual" | "earning" | "reversal" | "settlement"

/** One posting to write. Amounts are positive integer fen; direction says which side. */
export type LedgerPostingInput = {
  idempotency_key: string
  account: LedgerAccount
  direction: "debit" | "credit"
  amount: number
  party_type?: SharePartyType | null
  party_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
  product_id?: string | null
  policy_id?: string | null
  policy_version?: number | null
  reason?: string | null
  metadata?: Record<string, unknown> | null
}

/** A balanced group of postings written atomically: Σ debit = Σ credit. */
export type LedgerTransactionInput = {
  transaction_key: string
  kind: LedgerEntryKind
  source: string
  occurred_at?: Date
  postings: LedgerPostingInput[]
}

export type PostResult = { inserted: number; skipped: number; transaction_keys: string[] }
