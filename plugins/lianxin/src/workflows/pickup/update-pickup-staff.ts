import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { unlinkPickupStaffPointsStep } from "./steps/unlink-pickup-staff-points"
import { updatePickupStaffRecordStep } from "./steps/update-pickup-staff-record"
import { diffPickupStaffPointsStep } from "./steps/diff-pickup-staff-points"
import { linkPickupStaffPointsStep } from "./steps/link-pickup-staff-points"
import { validatePickupStaffPointsStep } from "./steps/validate-pickup-staff-points"

export const updatePickupStaffWorkflowId = "update-pickup-staff"

export const updatePickupStaffWorkflow = createWorkflow(
  updatePickupStaffWorkflowId,
  (input: {
    id: string
    data: { name?: string; phone?: string | null; is_active?: boolean }
    point_ids?: string[]
  }) => {
    const updated = updatePickupStaffRecordStep({ id: input.id, data: input.data })
    const pointIds = transform({ input }, ({ input }) => input.point_ids ?? null)
    validatePickupStaffPointsStep({ point_ids: transform({ input }, ({ input }) => input.point_ids ?? []) })
    const plan = diffPickupStaffPointsStep(
      transform({ input, pointIds }, ({ input, pointIds }) => ({ staff_id: input.id, point_ids: pointIds }))
    )
    unlinkPickupStaffPointsStep(transform({ plan }, ({ plan }) => plan.remove))
    linkPickupStaffPointsStep(transform({ plan }, ({ plan }) => plan.add)).config({
      name: "link-pickup-staff-points-update",
    })
    return new WorkflowResponse(updated)
  }
)
