import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RecordConsentInput } from "../types"

export const validateConsentRecordStepId = "validate-consent-record"

/** A consent cannot be recorded as given in the future. */
export const validateConsentRecordStep = createStep(validateConsentRecordStepId, async (input: RecordConsentInput) => {
  if (input.recorded_at && new Date(input.recorded_at).getTime() > Date.now() + 60_000) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "recorded_at: must not be in the future")
  }
  return new StepResponse(undefined)
})
