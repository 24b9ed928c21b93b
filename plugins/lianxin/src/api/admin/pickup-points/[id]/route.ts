import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updatePickupPointWorkflow } from "../../../../workflows/pickup/update-pickup-point"
import type { AdminUpdatePickupPointType } from "../../pickup-offices/validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdatePickupPointType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await updatePickupPointWorkflow(req.scope).run({ input: { id: req.params.id, data: body } })
  res.json({ pickup_point: result })
}
