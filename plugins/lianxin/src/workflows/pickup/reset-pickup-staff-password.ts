import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./steps/service"

export const resetPickupStaffPasswordWorkflowId = "reset-pickup-staff-password"

/**
 * Sets a new password on the staff member's emailpass identity. Compensation writes the previous password hash
 * back, so a later failure leaves the old password working.
 */
export const resetPickupStaffPasswordStep = createStep(
  "reset-pickup-staff-password",
  async (input: { staff_id: string; password: string }, { container }) => {
    const [staff] = await pickupService(container).listPickupStaffs({ id: input.staff_id }, { take: 1 })
    if (!staff) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup staff ${input.staff_id} was not found`)
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listProviderIdentities({ entity_id: staff.email, provider: "emailpass" }, { take: 1 })
    if (!identity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup staff ${input.staff_id} has no password sign-in`)
    }
    const { success, error } = await auth.updateProvider("emailpass", {
      entity_id: staff.email,
      password: input.password,
    })
    if (!success) throw new MedusaError(MedusaError.Types.INVALID_DATA, `password: ${error ?? "was not accepted"}`)
    return new StepResponse({ staff_id: staff.id }, { id: identity.id, previous: identity.provider_metadata })
  },
  async (comp, { container }) => {
    if (!comp) return
    await container.resolve(Modules.AUTH).updateProviderIdentities({
      id: comp.id,
      provider_metadata: comp.previous,
    })
  }
)

export const resetPickupStaffPasswordWorkflow = createWorkflow(
  resetPickupStaffPasswordWorkflowId,
  (input: { staff_id: string; password: string }) => new WorkflowResponse(resetPickupStaffPasswordStep(input))
)
