import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { householdService } from "./service"

export const retireAttributionStepId = "retire-attribution"

/** Soft-deletes a replaced attribution (and its shares): kept for audit, gone from every read. */
export const retireAttributionStep = createStep(
  retireAttributionStepId,
  async (input: { attribution_id: string | null }, { container }) => {
    if (!input.attribution_id) {
      return new StepResponse(undefined, null)
    }
    await householdService(container).softDeleteAttributions(input.attribution_id)
    return new StepResponse(undefined, input.attribution_id)
  },
  async (id, { container }) => {
    if (id) {
      await householdService(container).restoreAttributions(id)
    }
  }
)
