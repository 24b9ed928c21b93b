import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updatePropertyOfficeWorkflow } from "../../../../workflows/pickup/update-property-office"
import { parseOr400 } from "../../../utils/zod-issues"
import { AdminUpdatePropertyOffice } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(AdminUpdatePropertyOffice, req.body)
  const { result } = await updatePropertyOfficeWorkflow(req.scope).run({ input: { id: req.params.id, data: body } })
  res.json({ property_office: result })
}
