import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resetPickupStaffPasswordWorkflow } from "../../../../../workflows/pickup/reset-pickup-staff-password"
import type { AdminResetStaffPasswordType } from "../../../pickup-offices/validators"

/** An operator sets a new password for a staff member (who forgot theirs); the old one stops working. */
export async function POST(req: AuthenticatedMedusaRequest<AdminResetStaffPasswordType>, res: MedusaResponse) {
  await resetPickupStaffPasswordWorkflow(req.scope).run({
    input: { staff_id: req.params.id, password: req.validatedBody.password },
  })
  res.json({ id: req.params.id, password_reset: true })
}
