import type { LedgerPostingInput, LedgerTransactionInput } from "../types/ledger"
import {
  SHARE_PARTIES,
  reversalFromBalances,
  splitAmongHouseholds,
  splitLineAmount,
  type ShareBasisPoints,
  type SharePartyType,
} from "./revenue-split"

/** Who produced a line: one household, or a cooperative buying from several in proportions. */
export type LineAttribution = {
  cooperative_id: string | null
  households: Array<{ household_id: string; share_bp: number }>
}

export type PolicySnapshot = { id: string; version: number; shares: ShareBasisPoints }

export type AccrualLine = {
  order_id: string
  line_item_id: string
  product_id: string | null
  /** What the resident paid for this line after discounts, integer fen. */
  amount_fen: number
  policy: PolicySnapshot
  attribution: LineAttribution | null
  property_office_id: string | null
}

export const PLATFORM_PARTY_ID = "platform"

type Party = { party_type: SharePartyType; party_id: string | null; amount: number }

/**
 * The shares of one line per party. A line without a cooperative gives the
 * cooperative share to its household(s); a line without attribution keeps the
 * household share on an unnamed household party (party_id null) so it is
 * visible as unattributed instead of silently going elsewhere.
 */
export function lineParties(
  amountFen: number,
  shares: ShareBasisPoints,
  attribution: LineAttribution | null,
  propertyOfficeId: string | null
): Party[] {
  const split = splitLineAmount(amountFen, shares)
  const parties: Party[] = []
  let householdTotal = split.household
  if (attribution?.cooperative_id) {
    parties.push({ party_type: "cooperative", party_id: attribution.cooperative_id, amount: split.cooperative })
  } else {
    householdTotal += split.cooperative
  }
  if (attribution?.households.length) {
    const perHousehold = splitAmongHouseholds(householdTotal, attribution.households)
    for (const h of attribution.households) {
      parties.push({ party_type: "household", party_id: h.household_id, amount: perHousehold[h.household_id] })
    }
  } else {
    parties.push({ party_type: "household", party_id: null, amount: householdTotal })
  }
  parties.push({ party_type: "property_office", party_id: propertyOfficeId, amount: split.property_office })
  parties.push({ party_type: "platform", party_id: PLATFORM_PARTY_ID, amount: split.platform })
  return parties
}

const partyKey = (p: { party_type: string; party_id: string | null }) => `${p.party_type}:${p.party_id ?? "-"}`

/** Accrual at order placement: resident_payments debit = Σ accrued credits. */
export function accrualTransaction(line: AccrualLine, source: string): LedgerTransactionInput | null {
  if (line.amount_fen === 0) return null
  const base = {
    order_id: line.order_id,
    line_item_id: line.line_item_id,
    product_id: line.product_id,
    policy_id: line.policy.id,
    policy_version: line.policy.version,
  }
  const postings: LedgerPostingInput[] = [
    {
      ...base,
      idempotency_key: `accrual:${line.line_item_id}:resident_payments`,
      account: "resident_payments",
      direction: "debit",
      amount: line.amount_fen,
    },
  ]
  for (const party of lineParties(line.amount_fen, line.policy.shares, line.attribution, line.property_office_id)) {
    if (party.amount === 0) continue
    postings.push({
      ...base,
      idempotency_key: `accrual:${line.line_item_id}:${partyKey(party)}`,
      account: "accrued",
      direction: "credit",
      amount: party.amount,
      party_type: party.party_type,
      party_id: party.party_id,
      metadata: party.party_type === "household" && party.party_id === null ? { unattributed: true } : null,
    })
  }
  return { transaction_key: `accrual:${line.line_item_id}`, kind: "accrual", source, postings }
}

/** A party's balance on one line, as read back from the ledger (credit − debit). */
export type PartyBalance = { party_type: SharePartyType; party_id: string | null; balance: number }

/** Earning at handover: every party's accrued balance on the line moves to earned. */
export function earningTransaction(
  ref: { order_id: string; line_item_id: string; product_id: string | null; policy: PolicySnapshot },
  accrued: PartyBalance[],
  source: string
): LedgerTransactionInput | null {
  const postings: LedgerPostingInput[] = []
  for (const party of accrued) {
    if (party.balance <= 0) continue
    const common = {
      order_id: ref.order_id,
      line_item_id: ref.line_item_id,
      product_id: ref.product_id,
      policy_id: ref.policy.id,
      policy_version: ref.policy.version,
      party_type: party.party_type,
      party_id: party.party_id,
      amount: party.balance,
    }
    postings.push(
      {
        ...common,
        idempotency_key: `earning:${ref.line_item_id}:${partyKey(party)}:debit`,
        account: "accrued",
        direction: "debit",
      },
      {
        ...common,
        idempotency_key: `earning:${ref.line_item_id}:${partyKey(party)}:credit`,
        account: "earned",
        direction: "credit",
      }
    )
  }
  if (!postings.length) return null
  return { transaction_key: `earning:${ref.line_item_id}`, kind: "earning", source, postings }
}

/** Households first, then cooperative, property office, platform: who wins a tied fen. */
export function partyPriority(a: PartyBalance, b: PartyBalance): number {
  const rank = (p: PartyBalance) => SHARE_PARTIES.indexOf(p.party_type)
  return rank(a) - rank(b) || (a.party_id ?? "").localeCompare(b.party_id ?? "")
}

/**
 * Reversal of `reverse_fen` of a line (cancellation, refund or shortage): the
 * parties give back in proportion to what they still hold on the line, from
 * `account` (accrued before handover, earned after), and the resident's side
 * is credited the same amount. Never more than a party holds, never negative.
 */
export function reversalTransaction(input: {
  order_id: string
  line_item_id: string
  product_id: string | null
  policy: PolicySnapshot
  /** What each party still holds on the line, on `account` (credit − debit). */
  balances: PartyBalance[]
  reverse_fen: number
  account: "accrued" | "earned"
  reference: string
  reason: string
  source: string
}): LedgerTransactionInput | null {
  if (input.reverse_fen === 0) return null
  const holders = input.balances.filter((b) => b.balance > 0).sort(partyPriority)
  const parts = reversalFromBalances(
    holders.map((h) => ({ key: partyKey(h), balance: h.balance })),
    input.reverse_fen
  )
  const base = {
    order_id: input.order_id,
    line_item_id: input.line_item_id,
    product_id: input.product_id,
    policy_id: input.policy.id,
    policy_version: input.policy.version,
    reason: input.reason,
  }
  const postings: LedgerPostingInput[] = []
  for (const party of holders) {
    const amount = parts[partyKey(party)]
    if (amount <= 0) continue
    postings.push({
      ...base,
      idempotency_key: `reversal:${input.reference}:${input.line_item_id}:${partyKey(party)}`,
      account: input.account,
      direction: "debit",
      amount,
      party_type: party.party_type,
      party_id: party.party_id,
    })
  }
  postings.push({
    ...base,
    idempotency_key: `reversal:${input.reference}:${input.line_item_id}:resident_payments`,
    account: "resident_payments",
    direction: "credit",
    amount: input.reverse_fen,
  })
  return {
    transaction_key: `reversal:${input.reference}:${input.line_item_id}`,
    kind: "reversal",
    source: input.source,
    postings,
  }
}

export { SHARE_PARTIES }
