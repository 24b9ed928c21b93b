import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const validatePickupPointOfficeStepId = "validate-pickup-point-office"

export const validatePickupPointOfficeStep = createStep(
  validatePickupPointOfficeStepId,
  async (input: { office_ids: string[] }, { container }) => {
    const ids = [...new Set(input.office_ids.filter(Boolean))]
    if (!ids.length) return new StepResponse(true)
    const found = await pickupService(container).listPropertyOffices({ id: ids }, { take: ids.length })
    const missing = ids.filter((id) => !found.some((o) => o.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `office_id ${missing.join(", ")} does not exist`)
    }
    return new StepResponse(true)
  }
)
