import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateHouseholdWorkflow } from "../../../../workflows/household/update-household"
import { refetchOne } from "../helpers"
import type { AdminUpdateHouseholdType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const household = await refetchOne(req.scope, "household", req.params.id, req.queryConfig.fields)
  res.json({ household })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateHouseholdType>, res: MedusaResponse) {
  await updateHouseholdWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const household = await refetchOne(req.scope, "household", req.params.id, req.queryConfig.fields)
  res.json({ household })
}
