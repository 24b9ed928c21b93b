import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * An emailpass auth identity for the staff member whose app_metadata names
 * them (pickup_staff_id), so POST /auth/pickup_staff/emailpass logs them in.
 * Compensation deletes the identity.
 */
export const registerPickupStaffIdentityStepId = "register-pickup-staff-identity"

export const registerPickupStaffIdentityStep = createStep(
  registerPickupStaffIdentityStepId,
  async (input: { email: string; password: string; staff_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    })
    if (!success || !authIdentity) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `email: ${error ?? "could not register this email"}`)
    }
    await auth.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { ...(authIdentity.app_metadata ?? {}), pickup_staff_id: input.staff_id },
    })
    return new StepResponse(authIdentity.id as string, authIdentity.id as string)
  },
  async (id, { container }) => {
    if (id) await container.resolve(Modules.AUTH).deleteAuthIdentities([id])
  }
)
