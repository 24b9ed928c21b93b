import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateOrderCycleStep } from "./steps/update-order-cycle"
import { validateOrderCycleTimesStep } from "./steps/validate-order-cycle-times"

export const updateOrderCycleWorkflowId = "update-order-cycle"

export const updateOrderCycleWorkflow = createWorkflow(
  updateOrderCycleWorkflowId,
  (input: { id: string; data: Record<string, unknown> }) => {
    const cycles = transform({ input }, ({ input }) => [input.data])
    validateOrderCycleTimesStep({ id: input.id, cycles })
    return new WorkflowResponse(updateOrderCycleStep(input))
  }
)
