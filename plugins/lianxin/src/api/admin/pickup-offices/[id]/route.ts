import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updatePropertyOfficeWorkflow } from "../../../../workflows/pickup/update-property-office"
import type { AdminUpdatePropertyOfficeType } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdatePropertyOfficeType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await updatePropertyOfficeWorkflow(req.scope).run({ input: { id: req.params.id, data: body } })
  res.json({ property_office: result })
}
