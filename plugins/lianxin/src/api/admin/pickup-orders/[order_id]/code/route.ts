import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reissuePickupCodeWorkflow } from "../../../../../workflows/pickup/reissue-pickup-code"
import { orderAssignment } from "../read-model"

/**
 * Reissues the order's pickup code (a resident says theirs leaked or was lost): the previous code and QR stop
 * working at once. The operator never sees the new code; the resident reads it on their order page.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const a = await orderAssignment(req.scope, req.params.order_id)
  const { result } = await reissuePickupCodeWorkflow(req.scope).run({ input: { assignment_id: a.id } })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ pickup: { id: a.id, code_version: result.code_version } })
}
