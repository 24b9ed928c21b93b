import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recallHarvestBatchWorkflow } from "../../../../../workflows/listing/recall-harvest-batch"
import { readHarvestBatchRecall } from "../../../../../workflows/listing/trace-reads"
import type { AdminRecallHarvestBatchType } from "../../validators"

/**
 * What a recall of this harvest batch touches: the batch (recalled or not),
 * the orders whose lines it filled and their residents. Operators only
 * (Medusa Admin); residents never see this list.
 *
 * → { recall: { harvest_batch, listing, orders, residents } }
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.setHeader("Cache-Control", "no-store")
  res.json({ recall: await readHarvestBatchRecall(req.scope, req.params.id) })
}

/**
 * Recalls the batch (decision 023): marked once, no further sales from it,
 * the product withdrawn when no other batch is left, and its residents told
 * (after the commit). A repeat answers the same with `already_recalled: true`
 * and tells nobody again.
 *
 * → { recall, already_recalled, withdrawn }
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRecallHarvestBatchType>, res: MedusaResponse) {
  const { reason } = req.validatedBody
  const { result } = await recallHarvestBatchWorkflow(req.scope).run({
    input: { harvest_batch_id: req.params.id, reason, recalled_by: req.auth_context.actor_id },
  })
  res.json({
    recall: await readHarvestBatchRecall(req.scope, req.params.id),
    already_recalled: result.already_recalled,
    withdrawn: result.withdraw,
  })
}
