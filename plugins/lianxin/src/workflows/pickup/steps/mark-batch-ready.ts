import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const markBatchReadyStepId = "mark-batch-ready"

export const markBatchReadyStep = createStep(
  markBatchReadyStepId,
  async (input: { batch_id: string; staff_id: string; now: Date }, { container }) => {
    const ids = await pickupService(container).markBatchReady(input)
    return new StepResponse(ids, { batch_id: input.batch_id, assignment_ids: ids })
  },
  async (comp, { container }) => {
    if (comp) await pickupService(container).unmarkBatchReady(comp)
  }
)
