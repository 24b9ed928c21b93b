import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { disposeUncollectedPickupWorkflow } from "../../../../../workflows/pickup/dispose-uncollected-pickup"
import { answerConflict, pickup } from "../../../../pickup-staff/helpers"
import type { AdminDisposalBodyType } from "../../../pickup-offices/validators"
import { displayIdsOf, uncollectedView } from "../../route"

/**
 * An operator records what was done with an uncollected order (the counter's disposal, for any point), once:
 * the same body again answers 200, a different one 409 "already disposed".
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminDisposalBodyType>, res: MedusaResponse) {
  const read = async () => {
    const [a] = await pickup(req).listPickupAssignments(
      { id: req.params.id },
      { take: 1, relations: ["batch", "batch.point", "batch.cycle"] }
    )
    if (!a) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup assignment ${req.params.id} was not found`)
    return a
  }
  const before = await read()
  const done = await answerConflict(res, () =>
    disposeUncollectedPickupWorkflow(req.scope).run({
      input: {
        assignment_id: before.id,
        staff_id: `admin:${req.auth_context.actor_id}`,
        policy: req.validatedBody.policy,
        note: req.validatedBody.note || null,
      },
    })
  )
  if (!done) return
  const after = await read()
  const ids = await displayIdsOf(req, after.order_id ? [after.order_id] : [])
  res.json({
    assignment: uncollectedView(after, (after.order_id ? ids.get(after.order_id) : undefined) ?? null),
    created: done.result.created,
  })
}
