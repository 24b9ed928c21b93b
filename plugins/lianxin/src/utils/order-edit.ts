/**
 * A resident's order edit (issue 18, decision 024), the pure parts: which
 * changes are asked for, and the ledger transaction that moves a line from
 * what it holds to the split of its new amount.
 */
import type { LedgerPostingInput, LedgerTransactionInput } from "../types/ledger"
import { type LineAttribution, lineParties, type PartyBalance, type PolicySnapshot } from "./ledger-postings"

export type EditRefusal =
  | { code: "unknown_line"; line_item_id: string }
  | { code: "no_change" }
  | { code: "would_empty" }

export type EditChange = { line_item_id: string; from: number; to: number }

/**
 * The changes asked for against the order's lines: every id must be a line of
 * the order; a line whose quantity stays is no change; all lines at 0 is a
 * cancellation, which is refused here (the resident cancels instead).
 */
export function planOrderEdit(
  lines: Array<{ id: string; quantity: number }>,
  requested: Array<{ id: string; quantity: number }>
): { ok: true; changes: EditChange[] } | { ok: false; refusal: EditRefusal } {
  const byId = new Map(lines.map((l) => [l.id, l.quantity]))
  const next = new Map(byId)
  const changes: EditChange[] = []
  for (const r of requested) {
    const from = byId.get(r.id)
    if (from === undefined) return { ok: false, refusal: { code: "unknown_line", line_item_id: r.id } }
    next.set(r.id, r.quantity)
    if (from !== r.quantity) changes.push({ line_item_id: r.id, from, to: r.quantity })
  }
  if (!changes.length) return { ok: false, refusal: { code: "no_change" } }
  if ([...next.values()].every((q) => q === 0)) return { ok: false, refusal: { code: "would_empty" } }
  return { ok: true, changes }
}

const partyKey = (p: { party_type: string; party_id: string | null }) => `${p.party_type}:${p.party_id ?? "-"}`

/**
 * One line edited from what it holds to `new_fen`: every party ends at its
 * largest-remainder share of the new amount under the line's own policy, and
 * resident_payments moves by exactly the difference (debit when the line
 * grew, credit when it shrank). A decrease is a `reversal`, an increase an
 * `accrual`. Keys carry the edit's reference, so posting it twice is once.
 * Because largest remainder is not monotone, one party may move against the
 * others by a fen; the transaction still balances.
 */
export function editLineTransaction(input: {
  order_id: string
  line_item_id: string
  product_id: string | null
  policy: PolicySnapshot
  attribution: LineAttribution | null
  property_office_id: string | null
  /** What each party holds on `accrued` now (credit − debit). */
  held: PartyBalance[]
  new_fen: number
  reference: string
  source: string
}): LedgerTransactionInput | null {
  const target = lineParties(input.new_fen, input.policy.shares, input.attribution, input.property_office_id)
  const keys = new Set([...target.map(partyKey), ...input.held.map(partyKey)])
  const base = {
    order_id: input.order_id,
    line_item_id: input.line_item_id,
    product_id: input.product_id,
    policy_id: input.policy.id,
    policy_version: input.policy.version,
    reason: "order_edit",
  }
  const postings: LedgerPostingInput[] = []
  let delta = 0
  for (const key of [...keys].sort()) {
    const want = target.filter((p) => partyKey(p) === key).reduce((s, p) => s + p.amount, 0)
    const has = input.held.filter((p) => partyKey(p) === key).reduce((s, p) => s + p.balance, 0)
    const move = want - has
    if (move === 0) continue
    const party = target.find((p) => partyKey(p) === key) ?? input.held.find((p) => partyKey(p) === key)!
    delta += move
    postings.push({
      ...base,
      idempotency_key: `edit:${input.reference}:${input.line_item_id}:${key}`,
      account: "accrued",
      direction: move > 0 ? "credit" : "debit",
      amount: Math.abs(move),
      party_type: party.party_type,
      party_id: party.party_id,
      metadata: party.party_type === "household" && party.party_id === null ? { unattributed: true } : null,
    })
  }
  if (delta === 0 && !postings.length) return null
  if (delta !== 0) {
    postings.unshift({
      ...base,
      idempotency_key: `edit:${input.reference}:${input.line_item_id}:resident_payments`,
      account: "resident_payments",
      direction: delta > 0 ? "debit" : "credit",
      amount: Math.abs(delta),
    })
  }
  return {
    transaction_key: `edit:${input.reference}:${input.line_item_id}`,
    kind: delta > 0 ? "accrual" : "reversal",
    source: input.source,
    postings,
  }
}
