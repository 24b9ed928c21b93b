import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { accrueMissingLinesStep } from "./steps/accrue-missing-lines"
import { loadOrderLedgerContextStep } from "./steps/load-order-ledger-context"
import { postLedgerTransactionsStep } from "./steps/post-ledger-transactions"
import { prepareEarningStep } from "./steps/prepare-ledger-transactions"

export const earnOrderRevenueWorkflowId = "earn-order-revenue"

/**
 * Handover at the pickup point: the handed-over lines' accrued shares become earned. A line whose accrual was never
 * posted (the order.placed event lost) is accrued first, so the counter is never blocked by a lost event.
 */
export const earnOrderRevenueWorkflow = createWorkflow(
  earnOrderRevenueWorkflowId,
  (input: { order_id: string; line_item_ids?: string[]; source?: string }) => {
    const context = loadOrderLedgerContextStep({ order_id: input.order_id })
    accrueMissingLinesStep({ context, source: "catch-up:earn" })
    const transactions = prepareEarningStep({
      context,
      line_item_ids: input.line_item_ids,
      source: input.source,
    })
    const result = postLedgerTransactionsStep(transactions)
    return new WorkflowResponse(result)
  }
)
