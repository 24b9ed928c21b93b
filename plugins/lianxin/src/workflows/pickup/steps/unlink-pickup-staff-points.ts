import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const unlinkPickupStaffPointsStepId = "unlink-pickup-staff-points"

/** Soft-deletes staff ↔ point assignments; compensation restores them. */
export const unlinkPickupStaffPointsStep = createStep(
  unlinkPickupStaffPointsStepId,
  async (ids: string[], { container }) => {
    if (ids.length) await pickupService(container).softDeletePickupStaffPoints(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).restorePickupStaffPoints(ids)
  }
)
