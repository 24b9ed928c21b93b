import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const linkPickupStaffPointsStepId = "link-pickup-staff-points"

/** Creates staff ↔ point assignments; compensation deletes them. */
export const linkPickupStaffPointsStep = createStep(
  linkPickupStaffPointsStepId,
  async (input: Record<string, unknown>[], { container }) => {
    const created = await pickupService(container).createPickupStaffPoints(input)
    return new StepResponse(
      created,
      created.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deletePickupStaffPoints(ids)
  }
)
