import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderLedgerContextStep } from "./steps/load-order-ledger-context"
import { postLedgerTransactionsStep } from "./steps/post-ledger-transactions"
import { prepareAccrualStep } from "./steps/prepare-ledger-transactions"

export const accrueOrderRevenueWorkflowId = "accrue-order-revenue"

/** Order placed: every line split into household, cooperative, property office and platform shares. */
export const accrueOrderRevenueWorkflow = createWorkflow(
  accrueOrderRevenueWorkflowId,
  (input: { order_id: string; source?: string }) => {
    const context = loadOrderLedgerContextStep({ order_id: input.order_id })
    const transactions = prepareAccrualStep({ context, source: input.source })
    const result = postLedgerTransactionsStep(transactions)
    return new WorkflowResponse(result)
  }
)
