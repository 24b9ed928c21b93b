import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { householdService } from "../../household/steps/service"
import { nextHouseholdCode } from "../../../utils/household-code"

export const nextHouseholdCodeStepId = "next-household-code"

/**
 * The next free public code in the village (YN-LC-007 → YN-LC-008). Reads
 * only; two registrations racing for the same code meet the unique index and
 * the later one rolls back.
 */
export const nextHouseholdCodeStep = createStep(
  nextHouseholdCodeStepId,
  async (input: { village_id: string }, { container }) => {
    const service = householdService(container)
    const [village] = await service.listVillages({ id: input.village_id }, { select: ["id", "code"], take: 1 })
    if (!village) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `village_id: no village with id ${input.village_id}`)
    }
    const existing = await service.listHouseholds(
      { code: { $like: `${village.code}-%` } },
      {
        select: ["code"],
        withDeleted: true,
        take: 100_000,
      }
    )
    return new StepResponse(
      nextHouseholdCode(
        village.code,
        existing.map((h) => h.code)
      )
    )
  }
)
