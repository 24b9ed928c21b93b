import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const createPickupPointsStepId = "create-pickup-points"

/** Creates pickup points; compensation deletes them. */
export const createPickupPointsStep = createStep(
  createPickupPointsStepId,
  async (input: Record<string, unknown>[], { container }) => {
    const created = await pickupService(container).createPickupPoints(input)
    return new StepResponse(
      created,
      created.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deletePickupPoints(ids)
  }
)
