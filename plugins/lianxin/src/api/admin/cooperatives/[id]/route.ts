import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateCooperativeWorkflow } from "../../../../workflows/household/update-cooperative"
import { refetchOne } from "../../households/helpers"
import type { AdminUpdateCooperativeType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cooperative = await refetchOne(req.scope, "cooperative", req.params.id, req.queryConfig.fields)
  res.json({ cooperative })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateCooperativeType>, res: MedusaResponse) {
  await updateCooperativeWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const cooperative = await refetchOne(req.scope, "cooperative", req.params.id, req.queryConfig.fields)
  res.json({ cooperative })
}
