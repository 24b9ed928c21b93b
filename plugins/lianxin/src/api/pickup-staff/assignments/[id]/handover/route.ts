import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handOverPickupWorkflow } from "../../../../../workflows/pickup/hand-over-pickup"
import { verifyPickupProofWorkflow } from "../../../../../workflows/pickup/verify-pickup-proof"
import { answerConflict, ownAssignment, staffContext, counterView } from "../../../helpers"
import type { StaffHandoverBodyType } from "../../../validators"
import { answerFailure } from "../../../verify-response"
import type { ConflictAnswer, StaffHandoverResponse, StaffProofRefusal } from "../../../../contract"

/**
 * Verifies the code (or QR token) for this very order under the lockout, then
 * hands over exactly once: of two staff handing over at the same moment, one
 * gets 200 and the other 409.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StaffHandoverBodyType>,
  res: MedusaResponse<StaffHandoverResponse | StaffProofRefusal | ConflictAnswer>
) {
  const ctx = await staffContext(req)
  const body = req.validatedBody
  const assignment = await ownAssignment(req, ctx, req.params.id)
  const { result } = await verifyPickupProofWorkflow(req.scope).run({
    input: {
      staff_id: ctx.staffId,
      pickup_point_id: assignment.pickup_point_id,
      assignment_id: assignment.id,
      code: body.code,
      token: body.token,
      now: new Date(),
    },
  })
  if (!result.ok) return answerFailure(req, res, result, ctx.staffId, assignment.pickup_point_id)
  if (result.assignment_id !== assignment.id) {
    return answerFailure(
      req,
      res,
      { ok: false, reason: "bad_token", locked_until: null, failure_id: null },
      ctx.staffId,
      assignment.pickup_point_id
    )
  }
  const ran = await answerConflict(res, () =>
    handOverPickupWorkflow(req.scope).run({
      input: {
        assignment_id: assignment.id,
        staff_id: ctx.staffId,
        method: result.method,
        lines: body.lines,
        proxy: body.proxy ?? null,
      },
    })
  )
  if (!ran) return
  const done = ran.result
  res.json({
    pickup: await counterView(req, await ownAssignment(req, ctx, assignment.id)),
    amount_to_collect_fen: done.plan.amount_to_collect_fen,
    kind: done.plan.kind,
    declined_fen: done.plan.declined_fen,
  })
}
