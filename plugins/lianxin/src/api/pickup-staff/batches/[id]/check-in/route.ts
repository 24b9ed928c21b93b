import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkInBatchWorkflow } from "../../../../../workflows/pickup/check-in-batch"
import { answerConflict, ownBatch, pickup, staffContext } from "../../../helpers"
import type { StaffCheckInBodyType } from "../../../validators"
import type { ConflictAnswer, StaffCheckInResponse } from "../../../../contract"

export async function POST(
  req: AuthenticatedMedusaRequest<StaffCheckInBodyType>,
  res: MedusaResponse<StaffCheckInResponse | ConflictAnswer>
) {
  const ctx = await staffContext(req)
  const body = req.validatedBody
  const batch = await ownBatch(req, ctx, req.params.id)
  const done = await answerConflict(res, () =>
    checkInBatchWorkflow(req.scope).run({
      input: { batch_id: batch.id, staff_id: ctx.staffId, shortages: body.shortages },
    })
  )
  if (!done) return
  const { result } = done
  const [updated] = await pickup(req).listPickupBatches({ id: batch.id }, { take: 1 })
  res.json({
    batch: updated,
    ready_count: result.ready_assignment_ids.length,
    shortages: result.shortages.plans.map((p) => ({
      order_id: p.order_id,
      line_item_id: p.line_item_id,
      short_quantity: p.short_quantity,
      refund_fen: p.refund_fen,
    })),
  })
}
