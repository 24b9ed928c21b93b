import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AttributeProductInput } from "../types"
import { householdService } from "./service"

export const createAttributionStepId = "create-attribution"

export const createAttributionStep = createStep(
  createAttributionStepId,
  async (input: AttributeProductInput, { container }) => {
    const service = householdService(container)
    const attribution = await service.createAttributions({
      cooperative_id: input.cooperative_id ?? null,
      note: input.note ?? null,
    })
    await service.createAttributionShares(
      input.shares.map((s) => ({ attribution_id: attribution.id, household_id: s.household_id, share_bp: s.share_bp }))
    )
    return new StepResponse({ id: attribution.id }, attribution.id)
  },
  async (id, { container }) => {
    if (id) {
      // Shares go with it (cascade).
      await householdService(container).deleteAttributions(id)
    }
  }
)
