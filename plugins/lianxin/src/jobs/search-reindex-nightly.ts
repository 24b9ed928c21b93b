import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PRODUCT_INDEX } from "../search/settings"
import { productSearchModule } from "../workflows/search/drain-search-outbox"

/**
 * 04:00 every night: a full rebuild into a new index version, swapped in when
 * complete. Repairs anything that reached the database without an event.
 */
export default async function searchReindexNightly(container: MedusaContainer) {
  if (!productSearchModule(container)) return
  const search = container.resolve<{ reindex(input: { index: string }): Promise<unknown> }>(Modules.SEARCH)
  try {
    await search.reindex({ index: PRODUCT_INDEX })
  } catch (error) {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`[search] nightly reindex failed; the live index is untouched: ${error instanceof Error ? error.message : error}`)
  }
}

export const config = { name: "search-reindex-nightly", schedule: "0 4 * * *" }
