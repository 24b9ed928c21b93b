import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const createPropertyOfficesStepId = "create-property-offices"

/** Creates property offices; compensation deletes them. */
export const createPropertyOfficesStep = createStep(
  createPropertyOfficesStepId,
  async (input: Record<string, unknown>[], { container }) => {
    const created = await pickupService(container).createPropertyOffices(input)
    return new StepResponse(
      created,
      created.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deletePropertyOffices(ids)
  }
)
