import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyPickupProofWorkflow } from "../../../../../workflows/pickup/verify-pickup-proof"
import { ownAssignment, ownPoint, staffContext, counterView } from "../../../helpers"
import type { StaffVerifyBodyType } from "../../../validators"
import { answerFailure } from "../../../verify-response"
import type { StaffCounterPickupResponse, StaffProofRefusal } from "../../../../contract"

/** Looks an order up by its code or QR token at this point (nothing is handed over). */
export async function POST(
  req: AuthenticatedMedusaRequest<StaffVerifyBodyType>,
  res: MedusaResponse<StaffCounterPickupResponse | StaffProofRefusal>
) {
  const ctx = await staffContext(req)
  const body = req.validatedBody
  const pointId = ownPoint(ctx, req.params.point_id)
  if (body.assignment_id) await ownAssignment(req, ctx, body.assignment_id)
  const { result } = await verifyPickupProofWorkflow(req.scope).run({
    input: { staff_id: ctx.staffId, pickup_point_id: pointId, ...body, now: new Date() },
  })
  if (!result.ok) return answerFailure(req, res, result, ctx.staffId, pointId)
  const assignment = await ownAssignment(req, ctx, result.assignment_id)
  res.json({ pickup: await counterView(req, assignment) })
}
