import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateHouseholdInput } from "../types"
import { householdService } from "./service"

export const validateHouseholdCodesStepId = "validate-household-codes"

/**
 * A household's public code starts with its village's code (`YN-LC` →
 * `YN-LC-007`) and is unique, including within one request.
 */
export const validateHouseholdCodesStep = createStep(
  validateHouseholdCodesStepId,
  async (input: CreateHouseholdInput[], { container }) => {
    const service = householdService(container)
    const villages = await service.listVillages(
      { id: [...new Set(input.map((h) => h.village_id))] },
      { select: ["id", "code"] }
    )
    const codeOf = new Map(villages.map((v) => [v.id, v.code]))
    const seen = new Set<string>()
    for (const h of input) {
      const prefix = `${codeOf.get(h.village_id)}-`
      if (!h.code.startsWith(prefix)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: must start with the village code ${prefix}`)
      }
      if (seen.has(h.code)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: ${h.code} appears twice`)
      }
      seen.add(h.code)
    }
    const taken = await service.listHouseholds({ code: [...seen] }, { select: ["code"] })
    if (taken.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `code: ${taken.map((h) => h.code).join(", ")} is already used by another household`
      )
    }
    return new StepResponse(undefined)
  }
)
