import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updatePickupStaffWorkflow } from "../../../../workflows/pickup/update-pickup-staff"
import { pickup } from "../../../pickup-staff/helpers"
import type { AdminUpdatePickupStaffType } from "../../pickup-offices/validators"
import { staffAdminView } from "../route"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdatePickupStaffType>, res: MedusaResponse) {
  const { point_ids, ...data } = req.validatedBody
  const [exists] = await pickup(req).listPickupStaffs({ id: req.params.id }, { take: 1 })
  if (!exists) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup staff ${req.params.id} was not found`)
  await updatePickupStaffWorkflow(req.scope).run({ input: { id: req.params.id, data, point_ids } })
  const [staff] = await pickup(req).listPickupStaffs({ id: req.params.id }, { take: 1, relations: ["point_links"] })
  res.json({ pickup_staff: staffAdminView(staff) })
}
