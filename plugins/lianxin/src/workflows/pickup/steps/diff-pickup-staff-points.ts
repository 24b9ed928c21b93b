import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const diffPickupStaffPointsStepId = "diff-pickup-staff-points"

export const diffPickupStaffPointsStep = createStep(
  diffPickupStaffPointsStepId,
  async (input: { staff_id: string; point_ids: string[] | null }, { container }) => {
    if (!input.point_ids)
      return new StepResponse({ add: [] as Array<{ staff_id: string; point_id: string }>, remove: [] as string[] })
    const wanted = input.point_ids
    const existing = await pickupService(container).listPickupStaffPoints({ staff_id: input.staff_id }, { take: 1000 })
    const remove = existing.filter((l) => !wanted.includes(l.point_id)).map((l) => l.id)
    const have = new Set(existing.map((l) => l.point_id))
    const add = wanted.filter((p) => !have.has(p)).map((point_id) => ({ staff_id: input.staff_id, point_id }))
    return new StepResponse({ add, remove })
  }
)
