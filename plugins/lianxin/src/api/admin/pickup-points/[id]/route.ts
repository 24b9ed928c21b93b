import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updatePickupPointWorkflow } from "../../../../workflows/pickup/update-pickup-point"
import { parseOr400 } from "../../../utils/zod-issues"
import { AdminUpdatePickupPoint } from "../../pickup-offices/validators"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(AdminUpdatePickupPoint, req.body)
  const { result } = await updatePickupPointWorkflow(req.scope).run({ input: { id: req.params.id, data: body } })
  res.json({ pickup_point: result })
}
