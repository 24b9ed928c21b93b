import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const validatePickupStaffPointsStepId = "validate-pickup-staff-points"

export const validatePickupStaffPointsStep = createStep(
  validatePickupStaffPointsStepId,
  async (input: { point_ids: string[] }, { container }) => {
    const ids = [...new Set(input.point_ids)]
    const found = ids.length ? await pickupService(container).listPickupPoints({ id: ids }, { take: ids.length }) : []
    const missing = ids.filter((id) => !found.some((p) => p.id === id))
    if (missing.length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `point_ids: ${missing.join(", ")} do not exist`)
    return new StepResponse(ids)
  }
)
