import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { accrueMissingLinesStep } from "./steps/accrue-missing-lines"
import { loadOrderLedgerContextStep } from "./steps/load-order-ledger-context"
import { postLedgerTransactionsStep } from "./steps/post-ledger-transactions"
import { prepareReversalStep, type ReversalRequest } from "./steps/prepare-ledger-transactions"

export const reverseOrderRevenueWorkflowId = "reverse-order-revenue"

export type ReverseOrderRevenueInput = {
  order_id: string
  /** Lines and amounts to reverse, or "all" for what remains of every line (cancellation). */
  reversals: ReversalRequest[] | "all"
  /** Identifies the source (refund id, shortage id, "cancel"): the same reference twice reverses once. */
  reference: string
  reason: "cancellation" | "refund" | "shortage"
  source?: string
}

/**
 * Cancellation, refund or shortage: new entries that reverse only what was not delivered. A line never accrued (the
 * order.placed event lost) is accrued first, so what is reversed is what was paid.
 */
export const reverseOrderRevenueWorkflow = createWorkflow(
  reverseOrderRevenueWorkflowId,
  (input: ReverseOrderRevenueInput) => {
    const context = loadOrderLedgerContextStep({ order_id: input.order_id })
    accrueMissingLinesStep({ context, source: "catch-up:reverse" })
    const transactions = prepareReversalStep({
      context,
      reversals: input.reversals,
      reference: input.reference,
      reason: input.reason,
      source: input.source,
    })
    const result = postLedgerTransactionsStep(transactions)
    return new WorkflowResponse(result)
  }
)
