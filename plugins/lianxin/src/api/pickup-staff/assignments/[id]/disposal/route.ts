import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { disposeUncollectedPickupWorkflow } from "../../../../../workflows/pickup/dispose-uncollected-pickup"
import { answerConflict, ownAssignment, staffContext } from "../../../helpers"
import type { StaffDisposalBodyType } from "../../../validators"

/**
 * What staff did with an uncollected order (donate, dispose, sell off), once.
 * The same body again (a double tap) answers 200 with the disposal on record;
 * a different one answers 409 "already disposed".
 */
export async function POST(req: AuthenticatedMedusaRequest<StaffDisposalBodyType>, res: MedusaResponse) {
  const ctx = await staffContext(req)
  const body = req.validatedBody
  const assignment = await ownAssignment(req, ctx, req.params.id)
  const done = await answerConflict(res, () =>
    disposeUncollectedPickupWorkflow(req.scope).run({
      input: { assignment_id: assignment.id, staff_id: ctx.staffId, policy: body.policy, note: body.note || null },
    })
  )
  if (!done) return
  const { result } = done
  const a = await ownAssignment(req, ctx, assignment.id)
  res.status(200).json({
    id: a.id,
    created: result.created,
    status: a.status,
    disposal: { policy: a.disposal_policy, note: a.disposal_note, staff_id: a.disposed_by, disposed_at: a.disposed_at },
  })
}
