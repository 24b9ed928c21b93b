import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderCyclesStep } from "./steps/create-order-cycles"
import { validateOrderCycleTimesStep } from "./steps/validate-order-cycle-times"

export const createOrderCyclesWorkflowId = "create-order-cycles"

export const createOrderCyclesWorkflow = createWorkflow(
  createOrderCyclesWorkflowId,
  (input: { cycles: Record<string, unknown>[] }) => {
    validateOrderCycleTimesStep({ cycles: input.cycles })
    return new WorkflowResponse(createOrderCyclesStep(input.cycles))
  }
)
