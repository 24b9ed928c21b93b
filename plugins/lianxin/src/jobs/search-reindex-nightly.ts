import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productSearchModule } from "../workflows/search/drain-search-outbox"
import { ReindexAlreadyRunning, reindexProductSearch } from "../workflows/search/reindex-products"
import { scheduledJob } from "../utils/scheduled-job"

/**
 * 04:00 every night: a full rebuild into a new index version, swapped in when
 * complete (what `npm run reindex` does). Repairs anything that reached the
 * database without an event. Never at the same time as another rebuild: a
 * PostgreSQL advisory lock (REINDEX_LOCK) is shared by every process.
 */
async function searchReindexNightly(container: MedusaContainer) {
  if (!productSearchModule(container)) return
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  try {
    const result = await reindexProductSearch(container)
    logger.info(
      `[search] nightly reindex: ${result.products} products into ${result.after?.physical_name} in ${result.ms} ms` +
        (result.reapplied ? `, ${result.reapplied} changed meanwhile re-applied` : "")
    )
  } catch (error) {
    if (error instanceof ReindexAlreadyRunning) {
      // `npm run reindex` (or another worker) is rebuilding right now: one rebuild a night is enough.
      logger.info(`[search] nightly reindex skipped: ${error.message}`)
      return
    }
    logger.warn(
      `[search] nightly reindex failed; the live index is untouched: ${error instanceof Error ? error.message : error}`
    )
  }
}

const job = scheduledJob("search-reindex-nightly", "0 4 * * *", searchReindexNightly)

export default job.run
export const config = job.config
