import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateVillageWorkflow } from "../../../../workflows/household/update-village"
import { refetchOne } from "../../households/helpers"
import type { AdminUpdateVillageType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const village = await refetchOne(req.scope, "village", req.params.id, req.queryConfig.fields)
  res.json({ village })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateVillageType>, res: MedusaResponse) {
  await updateVillageWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const village = await refetchOne(req.scope, "village", req.params.id, req.queryConfig.fields)
  res.json({ village })
}
