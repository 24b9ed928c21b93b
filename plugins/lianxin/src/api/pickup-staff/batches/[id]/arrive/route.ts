import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markBatchArrivedWorkflow } from "../../../../../workflows/pickup/mark-batch-arrived"
import { ownBatch, pickup, staffContext } from "../../../helpers"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await staffContext(req)
  const batch = await ownBatch(req, ctx, req.params.id)
  // A repeat (double tap) of an applied arrive answers 200 with the batch as it is and already_arrived: true.
  const { result } = await markBatchArrivedWorkflow(req.scope).run({
    input: { batch_id: batch.id, staff_id: ctx.staffId },
  })
  const [updated] = await pickup(req).listPickupBatches({ id: batch.id }, { take: 1 })
  res.json({ batch: updated, already_arrived: result.already_arrived })
}
