import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import type { LedgerTransactionInput } from "../../../types/ledger"
import {
  accrualTransaction,
  earningTransaction,
  reversalTransaction,
  type PartyBalance,
  type PolicySnapshot,
} from "../../../utils/ledger-postings"
import { resolvePolicy, toSnapshot, type StoredPolicy } from "../../../utils/policy-resolution"
import type { SharePartyType } from "../../../utils/revenue-split"
import type { OrderLedgerContext } from "./load-order-ledger-context"

/**
 * The accrual of every line of a placed order not accrued yet, each split under the policy in force now. Read-only.
 * A line accrued already (say by an order edit that ran before this event's subscriber) is not accrued again from the
 * order as it is now: its later changes were posted by the edit (decision 024).
 */
export async function missingAccruals(
  ledger: RevenueShareModuleService,
  context: OrderLedgerContext,
  source: string
): Promise<LedgerTransactionInput[]> {
  const existing = await ledger.listLedgerEntries(
    { order_id: context.order_id, kind: "accrual" },
    { select: ["line_item_id", "transaction_key"] }
  )
  const accrued = new Set(
    existing.filter((e) => e.transaction_key === `accrual:${e.line_item_id}`).map((e) => e.line_item_id)
  )
  const lines = context.lines.filter((line) => !accrued.has(line.line_item_id))
  if (!lines.length) return []
  const policies = (await ledger.currentPolicies()) as StoredPolicy[]
  const transactions: LedgerTransactionInput[] = []
  for (const line of lines) {
    const policy = resolvePolicy(policies, line)
    if (!policy) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "no split policy is in force: create a global policy first")
    }
    const txn = accrualTransaction(
      {
        order_id: context.order_id,
        line_item_id: line.line_item_id,
        product_id: line.product_id,
        amount_fen: line.amount_fen,
        policy: toSnapshot(policy),
        attribution: line.attribution,
        property_office_id: context.property_office_id,
      },
      source
    )
    if (txn) transactions.push(txn)
  }
  return transactions
}

/** Splits every line of a placed order under the policy in force now. Read-only. */
export const prepareAccrualStep = createStep(
  "prepare-accrual",
  async (input: { context: OrderLedgerContext; source?: string }, { container }) => {
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    return new StepResponse(await missingAccruals(ledger, input.context, input.source ?? "order.placed"))
  }
)

type LineState = {
  policy: PolicySnapshot
  original_fen: number
  reversed_fen: number
  accrued: PartyBalance[]
  earned: PartyBalance[]
}

/** What the ledger holds for each line of an order: its policy snapshot, paid, reversed, balances. */
export async function lineStates(ledger: RevenueShareModuleService, orderId: string): Promise<Map<string, LineState>> {
  const accruals = await ledger.listLedgerEntries(
    { order_id: orderId, kind: "accrual" },
    { select: ["line_item_id", "policy_id", "account", "direction", "amount", "party_type", "party_id"] }
  )
  const policyIds = [...new Set(accruals.map((a) => a.policy_id).filter(Boolean) as string[])]
  const policies = policyIds.length ? await ledger.listSplitPolicies({ id: policyIds }) : []
  const byId = new Map(policies.map((p) => [p.id, toSnapshot(p as unknown as StoredPolicy)]))
  const balances = await ledger.lineBalances(orderId)
  const states = new Map<string, LineState>()
  for (const a of accruals) {
    if (!a.line_item_id || states.has(a.line_item_id)) continue
    const policy = byId.get(a.policy_id!)
    if (!policy) continue
    const mine = balances.filter((b) => b.line_item_id === a.line_item_id)
    const net = (account: string) =>
      mine
        .filter((b) => b.account === account && b.party_type !== null)
        .map((b) => ({ party_type: b.party_type as SharePartyType, party_id: b.party_id, balance: -b.net }))
    const residentNet = mine.find((b) => b.account === "resident_payments")?.net ?? 0
    const original = accruals
      .filter((x) => x.line_item_id === a.line_item_id && x.account === "resident_payments")
      .reduce((s, x) => s + Number(x.amount), 0)
    states.set(a.line_item_id, {
      policy,
      original_fen: original,
      reversed_fen: original - residentNet,
      accrued: net("accrued"),
      earned: net("earned"),
    })
  }
  return states
}

/** Handover: each handed-over line's accrued shares become earned. */
export const prepareEarningStep = createStep(
  "prepare-earning",
  async (input: { context: OrderLedgerContext; line_item_ids?: string[]; source?: string }, { container }) => {
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const states = await lineStates(ledger, input.context.order_id)
    const wanted = new Set(input.line_item_ids ?? input.context.lines.map((l) => l.line_item_id))
    const transactions: LedgerTransactionInput[] = []
    for (const line of input.context.lines) {
      if (!wanted.has(line.line_item_id)) continue
      const state = states.get(line.line_item_id)
      if (!state) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `line ${line.line_item_id} has no accrual yet: the order must be accrued before it is earned`
        )
      }
      const txn = earningTransaction(
        {
          order_id: input.context.order_id,
          line_item_id: line.line_item_id,
          product_id: line.product_id,
          policy: state.policy,
        },
        state.accrued,
        input.source ?? "handover"
      )
      if (txn) transactions.push(txn)
    }
    return new StepResponse(transactions)
  }
)

export type ReversalRequest = { line_item_id: string; amount_fen: number }

/**
 * Cancellation, refund or shortage: reverses `amount_fen` of each named line
 * from accrued (before handover) or earned (after). `reference` identifies the
 * source (refund id, shortage id, "cancel"), so the same source twice is one reversal.
 */
export const prepareReversalStep = createStep(
  "prepare-reversal",
  async (
    input: {
      context: OrderLedgerContext
      reversals: ReversalRequest[] | "all"
      reference: string
      reason: string
      source?: string
    },
    { container }
  ) => {
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const states = await lineStates(ledger, input.context.order_id)
    const requests =
      input.reversals === "all"
        ? [...states.entries()].map(([line_item_id, s]) => ({
            line_item_id,
            amount_fen: s.original_fen - s.reversed_fen,
          }))
        : input.reversals
    const transactions: LedgerTransactionInput[] = []
    for (const request of requests) {
      const line = input.context.lines.find((l) => l.line_item_id === request.line_item_id)
      const state = states.get(request.line_item_id)
      if (!line || !state) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `line_item_id ${request.line_item_id} is not an accrued line of order ${input.context.order_id}`
        )
      }
      const remaining = state.original_fen - state.reversed_fen
      if (request.amount_fen > remaining) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `amount_fen ${request.amount_fen} exceeds the ${remaining} fen still paid for line ${request.line_item_id}`
        )
      }
      const earnedAlready = state.earned.some((e) => e.balance > 0)
      const txn = reversalTransaction({
        order_id: input.context.order_id,
        line_item_id: line.line_item_id,
        product_id: line.product_id,
        policy: state.policy,
        balances: earnedAlready ? state.earned : state.accrued,
        reverse_fen: request.amount_fen,
        account: earnedAlready ? "earned" : "accrued",
        reference: input.reference,
        reason: input.reason,
        source: input.source ?? input.reason,
      })
      if (txn) transactions.push(txn)
    }
    return new StepResponse(transactions)
  }
)
