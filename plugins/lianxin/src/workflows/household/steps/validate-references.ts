import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { householdService } from "./service"

export type ReferenceCheck = {
  entity: "village" | "cooperative" | "household"
  /** The input field the ids came from, named in the error. */
  field: string
  ids: (string | null | undefined)[]
  /** `not_found` for the resource of the URL (404), `invalid_data` for a reference in the body (400). */
  missing: "not_found" | "invalid_data"
}

export const validateReferencesStepId = "validate-references"

/** Fails with an error naming the field when a referenced village, cooperative or household does not exist. */
export const validateReferencesStep = createStep(
  validateReferencesStepId,
  async (checks: ReferenceCheck[], { container }) => {
    const service = householdService(container)
    const list = {
      village: (ids: string[]) => service.listVillages({ id: ids }, { select: ["id"] }),
      cooperative: (ids: string[]) => service.listCooperatives({ id: ids }, { select: ["id"] }),
      household: (ids: string[]) => service.listHouseholds({ id: ids }, { select: ["id"] }),
    }
    for (const check of checks) {
      const ids = [...new Set(check.ids.filter((id): id is string => !!id))]
      if (!ids.length) {
        continue
      }
      const found = new Set((await list[check.entity](ids)).map((r) => r.id))
      const missing = ids.filter((id) => !found.has(id))
      if (missing.length) {
        throw new MedusaError(
          check.missing === "not_found" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.INVALID_DATA,
          `${check.field}: no ${check.entity} with id ${missing.join(", ")}`
        )
      }
    }
    return new StepResponse(undefined)
  }
)
