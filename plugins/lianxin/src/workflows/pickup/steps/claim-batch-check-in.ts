import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/** Exactly one of two simultaneous check-ins of a batch goes on; the other answers 409 before writing anything. */
export const claimBatchCheckInStepId = "claim-batch-check-in"

export const claimBatchCheckInStep = createStep(
  claimBatchCheckInStepId,
  async (input: { batch_id: string; staff_id: string; now: Date }, { container }) => {
    await pickupService(container).claimBatchCheckIn(input)
    return new StepResponse(undefined, input)
  },
  async (claim, { container }) => {
    if (claim) await pickupService(container).releaseBatchCheckIn(claim)
  }
)
