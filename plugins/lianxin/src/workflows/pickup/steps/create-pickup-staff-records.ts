import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const createPickupStaffRecordsStepId = "create-pickup-staff-records"

/** Creates staff records; compensation deletes them. */
export const createPickupStaffRecordsStep = createStep(
  createPickupStaffRecordsStepId,
  async (input: Record<string, unknown>[], { container }) => {
    const created = await pickupService(container).createPickupStaffs(input)
    return new StepResponse(
      created,
      created.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deletePickupStaffs(ids)
  }
)
