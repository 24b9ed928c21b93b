import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { householdService } from "../../household/steps/service"

export const validateCooperativeVillageStepId = "validate-cooperative-village"

/** A household joins a cooperative of its own village only. */
export const validateCooperativeVillageStep = createStep(
  validateCooperativeVillageStepId,
  async (input: { village_id: string; cooperative_id?: string | null }, { container }) => {
    if (!input.cooperative_id) return new StepResponse(undefined)
    const [coop] = await householdService(container).listCooperatives(
      { id: input.cooperative_id },
      { select: ["id", "village_id"], take: 1 }
    )
    if (!coop) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `cooperative_id: no cooperative with id ${input.cooperative_id}`
      )
    }
    if (coop.village_id !== input.village_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "cooperative_id: the cooperative is not of this village")
    }
    return new StepResponse(undefined)
  }
)
