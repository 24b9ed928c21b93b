import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderLedgerContextStep } from "./steps/load-order-ledger-context"
import { postLedgerTransactionsStep } from "./steps/post-ledger-transactions"
import { prepareEarningStep } from "./steps/prepare-ledger-transactions"

export const earnOrderRevenueWorkflowId = "earn-order-revenue"

/** Handover at the pickup point: the handed-over lines' accrued shares become earned. */
export const earnOrderRevenueWorkflow = createWorkflow(
  earnOrderRevenueWorkflowId,
  (input: { order_id: string; line_item_ids?: string[]; source?: string }) => {
    const context = loadOrderLedgerContextStep({ order_id: input.order_id })
    const transactions = prepareEarningStep({
      context,
      line_item_ids: input.line_item_ids,
      source: input.source,
    })
    const result = postLedgerTransactionsStep(transactions)
    return new WorkflowResponse(result)
  }
)
