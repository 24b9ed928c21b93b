import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SEARCH_SYNC_MODULE, type SearchSyncModuleService } from "../../modules/search-sync"
import type { EnqueuedRow } from "../../modules/search-sync/service"

export type EnqueueSearchSyncInput = { product_ids: string[]; reason: string }

export const enqueueSearchSyncStep = createStep(
  "enqueue-search-sync-step",
  async (input: EnqueueSearchSyncInput, { container }) => {
    const outbox = container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE)
    const rows = await outbox.enqueue(input.product_ids, input.reason)
    return new StepResponse(rows, rows)
  },
  async (rows: EnqueuedRow[] | undefined, { container }) => {
    if (!rows?.length) return
    await container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE).unqueue(rows)
  }
)

/**
 * Records that these products' search documents must be rebuilt (decision 012).
 * Durable and idempotent: the drain applies it whenever Meilisearch answers.
 */
export const enqueueSearchSyncWorkflow = createWorkflow("enqueue-search-sync", (input: EnqueueSearchSyncInput) => {
  return new WorkflowResponse(enqueueSearchSyncStep(input))
})
