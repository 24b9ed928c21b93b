import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { VerifyInput } from "../../../modules/pickup/service"
import { pickupService } from "./service"

/**
 * One try of a code or QR token at the counter, under the lockout. A failure
 * is logged and counted even though the workflow itself succeeds (the caller
 * answers 422 / 429): the record is the point of the step. Compensation,
 * should a caller compose it with later steps, removes only the failure log
 * row; the counters stay, since a rollback must not refund a guess.
 */
export const verifyPickupProofStepId = "verify-pickup-proof"

export const verifyPickupProofStep = createStep(
  verifyPickupProofStepId,
  async (input: VerifyInput, { container }) => {
    const result = await pickupService(container).verifyAttempt(input)
    return new StepResponse(result, result.ok ? null : result.failure_id)
  },
  async (failureId, { container }) => {
    if (failureId) await pickupService(container).deletePickupCodeFailures([failureId])
  }
)
