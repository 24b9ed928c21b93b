import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/** An active point of an active office, or a 400 naming the field. */
export const validateRememberedPointStepId = "validate-remembered-point"

export const validateRememberedPointStep = createStep(
  validateRememberedPointStepId,
  async (input: { pickup_point_id: string }, { container }) => {
    const [point] = await pickupService(container).listPickupPoints(
      { id: input.pickup_point_id },
      { take: 1, relations: ["office"] }
    )
    if (!point?.is_active || !point.office?.is_active) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "pickup_point_id: no such active pickup point")
    }
    return new StepResponse(point.id)
  }
)
