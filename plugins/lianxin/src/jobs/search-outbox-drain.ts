import type { MedusaContainer } from "@medusajs/framework/types"
import { SEARCH_SYNC_MODULE, type SearchSyncModuleService } from "../modules/search-sync"
import { drainSearchOutbox } from "../workflows/search/drain-search-outbox"
import { scheduledJob } from "../utils/scheduled-job"

/** Applied rows are kept for the next full reindex; a week covers a nightly reindex that keeps failing. */
const KEEP_APPLIED_MS = 7 * 24 * 3600_000

/** Every minute on the worker: applies search outbox rows that are due (changes made while Meilisearch was down). */
async function searchOutboxDrain(container: MedusaContainer) {
  await drainSearchOutbox(container)
  const outbox = container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE)
  await outbox.purgeApplied(new Date((await outbox.clock()).getTime() - KEEP_APPLIED_MS))
}

const job = scheduledJob("search-outbox-drain", "* * * * *", searchOutboxDrain)

export default job.run
export const config = job.config
