import { ProductStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { markHarvestBatchRecalledStep, withdrawProductStockStep } from "./steps/recall-harvest-batch"

export const recallHarvestBatchWorkflowId = "recall-harvest-batch"

export type RecallHarvestBatchInput = {
  harvest_batch_id: string
  reason: string
  recalled_by: string
  now?: Date
}

/**
 * An operator recalls a harvest batch (decision 023): the batch is marked
 * (once; a repeat changes nothing), fills no further order line, and — when
 * it was the listing's last batch not recalled — the product is withdrawn
 * from sale (unpublished, unreserved stock taken off the shelf). After the
 * commit, listing.batch_recalled tells every resident whose order line it
 * filled (notify module, once per order).
 */
export const recallHarvestBatchWorkflow = createWorkflow(
  recallHarvestBatchWorkflowId,
  (input: RecallHarvestBatchInput) => {
    const marked = markHarvestBatchRecalledStep(
      transform({ input }, ({ input }) => ({
        harvest_batch_id: input.harvest_batch_id,
        reason: input.reason,
        recalled_by: input.recalled_by,
        now: input.now ?? new Date(),
      }))
    )
    when("withdraw-recalled-product", { marked }, ({ marked }) => marked.withdraw).then(() => {
      withdrawProductStockStep(transform({ marked }, ({ marked }) => ({ product_id: marked.product_id })))
      updateProductsWorkflow.runAsStep({
        input: transform({ marked }, ({ marked }) => ({
          selector: { id: marked.product_id },
          update: { status: ProductStatus.DRAFT },
        })),
      })
    })
    when("announce-recall", { marked }, ({ marked }) => !marked.already_recalled).then(() => {
      emitEventStep({
        eventName: "listing.batch_recalled",
        data: transform({ marked }, ({ marked }) => ({ id: marked.harvest_batch_id })),
      })
    })
    return new WorkflowResponse(marked)
  }
)
