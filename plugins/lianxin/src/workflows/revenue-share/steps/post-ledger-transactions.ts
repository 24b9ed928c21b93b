import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import type { LedgerTransactionInput } from "../../../types/ledger"

export const postLedgerTransactionsStepId = "post-ledger-transactions"

/**
 * Appends balanced transactions to the ledger; postings already present (same
 * idempotency key) are skipped. The ledger is append-only, so compensation
 * does not delete: it appends the mirror image of exactly what this step
 * inserted, keyed so that compensating twice changes nothing.
 */
export const postLedgerTransactionsStep = createStep(
  postLedgerTransactionsStepId,
  async (transactions: LedgerTransactionInput[], { container }) => {
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const existing = new Set(
      (
        await ledger.listLedgerEntries(
          { idempotency_key: transactions.flatMap((t) => t.postings.map((p) => p.idempotency_key)) },
          { select: ["idempotency_key"] }
        )
      ).map((e) => e.idempotency_key)
    )
    const result = await ledger.postTransactions(transactions)
    const inserted = transactions
      .map((t) => ({ ...t, postings: t.postings.filter((p) => !existing.has(p.idempotency_key)) }))
      .filter((t) => t.postings.length > 0)
    return new StepResponse(result, inserted)
  },
  async (inserted, { container }) => {
    if (!inserted?.length) return
    const ledger: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    await ledger.postTransactions(
      inserted.map((t) => ({
        transaction_key: `compensation:${t.transaction_key}`,
        kind: t.kind,
        source: `compensation:${t.source}`,
        postings: t.postings.map((p) => ({
          ...p,
          idempotency_key: `compensation:${p.idempotency_key}`,
          direction: p.direction === "debit" ? ("credit" as const) : ("debit" as const),
          reason: "workflow compensation",
        })),
      }))
    )
  }
)
