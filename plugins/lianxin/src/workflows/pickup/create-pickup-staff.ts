import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkPickupStaffPointsStep } from "./steps/link-pickup-staff-points"
import { validatePickupStaffPointsStep } from "./steps/validate-pickup-staff-points"
import { createPickupStaffRecordsStep } from "./steps/create-pickup-staff-records"
import { registerPickupStaffIdentityStep } from "./steps/register-pickup-staff-identity"

export type CreatePickupStaffInput = {
  name: string
  email: string
  phone?: string | null
  password: string
  point_ids: string[]
}

export const createPickupStaffWorkflowId = "create-pickup-staff"

export const createPickupStaffWorkflow = createWorkflow(
  createPickupStaffWorkflowId,
  (input: CreatePickupStaffInput) => {
    validatePickupStaffPointsStep({ point_ids: input.point_ids })
    const records = transform({ input }, ({ input }) => [
      { name: input.name, email: input.email.toLowerCase(), phone: input.phone ?? null },
    ])
    const created = createPickupStaffRecordsStep(records)
    const staff = transform({ created }, ({ created }) => created[0] as { id: string })
    const links = transform({ input, staff }, ({ input, staff }) =>
      [...new Set(input.point_ids)].map((point_id) => ({ staff_id: staff.id, point_id }))
    )
    linkPickupStaffPointsStep(links)
    const identity = transform({ input, staff }, ({ input, staff }) => ({
      email: input.email.toLowerCase(),
      password: input.password,
      staff_id: staff.id,
    }))
    registerPickupStaffIdentityStep(identity)
    return new WorkflowResponse(staff)
  }
)
