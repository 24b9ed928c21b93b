import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { accrueOrdersStep } from "./steps/accrue-orders"
import { findUnaccruedOrdersStep, type FindUnaccruedOrdersInput } from "./steps/find-unaccrued-orders"

export const accrueMissedOrdersWorkflowId = "accrue-missed-orders"

/** The safety net behind the `order.placed` accrual subscriber (docs/ledger.md); run hourly on the worker. */
export const accrueMissedOrdersWorkflow = createWorkflow(
  accrueMissedOrdersWorkflowId,
  (input: FindUnaccruedOrdersInput) => {
    const orderIds = findUnaccruedOrdersStep(input)
    return new WorkflowResponse(accrueOrdersStep(orderIds))
  }
)
