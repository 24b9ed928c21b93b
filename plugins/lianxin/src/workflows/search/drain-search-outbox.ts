import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_SYNC_MODULE, type SearchSyncModuleService } from "../../modules/search-sync"
import { MeiliClient } from "../../providers/meilisearch/client"
import { PRODUCT_INDEX } from "../../search/settings"
import { type PgReader, soldCounts } from "../../search/sold-counts"
import { PRODUCT_SEARCH_GRAPH_FIELDS, type ProductSearchSource, toSearchDocument } from "../../utils/search-document"

type SearchModule = {
  getIndex(name: string): unknown
  upsertDocuments(input: { index: string; documents: Record<string, unknown>[] }): Promise<{ id?: string }>
  deleteDocuments(input: { index: string; filters: Record<string, unknown> }): Promise<{ id?: string }>
}

/** The Search Module when it holds our product index (MEILISEARCH_HOST set), else undefined. */
export function productSearchModule(container: MedusaContainer): SearchModule | undefined {
  let module: SearchModule | undefined
  try {
    module = container.resolve<SearchModule>(Modules.SEARCH, { allowUnregistered: true })
  } catch {
    return undefined
  }
  if (!module) return undefined
  try {
    module.getIndex(PRODUCT_INDEX)
    return module
  } catch {
    return undefined
  }
}

let taskClient: MeiliClient | undefined
/** Waits until Meilisearch has applied a write, so the outbox acknowledges only applied changes. */
async function applied(task: { id?: string } | undefined) {
  if (!task?.id || !process.env.MEILISEARCH_HOST) return
  taskClient ??= new MeiliClient({ host: process.env.MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY })
  await taskClient.waitForTask(Number(task.id), 60_000)
}

/** Rebuilds the documents of these products: upserts the indexable ones, deletes the rest. */
export async function applyProductDocuments(container: MedusaContainer, search: SearchModule, productIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [...PRODUCT_SEARCH_GRAPH_FIELDS],
    filters: { id: productIds },
  })
  const sold = await soldCounts(container.resolve<PgReader>(ContainerRegistrationKeys.PG_CONNECTION), productIds)
  const documents = (data as ProductSearchSource[])
    .map((product) => toSearchDocument(product, { soldCount: sold.get(product.id) ?? 0 }))
    .filter((d): d is NonNullable<typeof d> => d !== null)
  const kept = new Set(documents.map((d) => d.id))
  const gone = productIds.filter((id) => !kept.has(id))
  if (documents.length) await applied(await search.upsertDocuments({ index: PRODUCT_INDEX, documents }))
  if (gone.length) await applied(await search.deleteDocuments({ index: PRODUCT_INDEX, filters: { id: gone } }))
  return { upserted: documents.length, deleted: gone.length }
}

/** The Search Module's answer before an index's first seed (`medusa exec` seeding a fresh database). */
const NOT_SEEDED = /has no active version yet/

export type DrainResult = { applied: number; failed: number; skipped?: "no_index" }

/**
 * Applies due outbox rows to the index in leased batches. Not a workflow: the
 * index is a projection rebuilt from the source of truth (idempotent, nothing
 * to compensate), and the outbox bookkeeping is one statement per call. Stops
 * at the first failure; the rows come back after their backoff.
 */
export async function drainSearchOutbox(
  container: MedusaContainer,
  { batchSize = 200, maxBatches = 50, leaseMs = 120_000 } = {}
): Promise<DrainResult> {
  const search = productSearchModule(container)
  if (!search) return { applied: 0, failed: 0, skipped: "no_index" }
  const outbox = container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  let appliedCount = 0
  let failed = 0
  for (let batch = 0; batch < maxBatches; batch++) {
    const claims = await outbox.claim(batchSize, leaseMs)
    if (!claims.length) break
    let removed: number
    try {
      await applyProductDocuments(container, search, [...new Set(claims.map((c) => c.product_id))])
      removed = await outbox.acknowledge(claims)
      appliedCount += removed
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await outbox.fail(claims, message)
      failed += claims.length
      if (NOT_SEEDED.test(message)) {
        // A new database: the Search Module fills the index from PostgreSQL when the app starts, these included.
        logger.debug(
          `[search] the product index is not seeded yet; ${claims.length} change(s) wait in the search outbox`
        )
      } else {
        logger.warn(`[search] ${claims.length} product(s) stay in the search outbox, retried with backoff: ${message}`)
      }
      break
    }
    // Rows changed while this batch was applied are due again: take them now rather than at the next job.
    if (claims.length < batchSize && removed === claims.length) break
  }
  return { applied: appliedCount, failed }
}
