import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { markBatchArrivedStep } from "./steps/mark-batch-arrived"

export const markBatchArrivedWorkflowId = "mark-batch-arrived"

export const markBatchArrivedWorkflow = createWorkflow(
  markBatchArrivedWorkflowId,
  (input: { batch_id: string; staff_id: string; now?: Date }) => {
    const args = transform({ input }, ({ input }) => ({ ...input, now: input.now ?? new Date() }))
    const result = markBatchArrivedStep(args)
    when("emit-batch-arrived-once", { result }, ({ result }) => !result.already_arrived).then(() => {
      emitEventStep({ eventName: "pickup.batch_arrived", data: { id: input.batch_id } })
    })
    return new WorkflowResponse(result)
  }
)
