import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RevealableRegistryField } from "../../../modules/household/types"
import { householdService } from "./service"

export const validateRegistryRevealStepId = "validate-registry-reveal"

const COLUMN = {
  legal_name: "legal_name_enc",
  national_id: "national_id_enc",
  phone: "phone_enc",
  bank_account: "bank_account_enc",
} as const

/** There must be something to reveal: stored registry data with that field set. */
export const validateRegistryRevealStep = createStep(
  validateRegistryRevealStepId,
  async (input: { household_id: string; field: RevealableRegistryField }, { container }) => {
    const stored = await householdService(container).retrieveStoredRegistry(input.household_id)
    if (!stored) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Household ${input.household_id} has no registry data`)
    }
    if (!stored[COLUMN[input.field]]) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `${input.field}: not recorded for this household`)
    }
    return new StepResponse(undefined)
  }
)
