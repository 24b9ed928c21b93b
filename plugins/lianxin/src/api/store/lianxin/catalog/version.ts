import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productSearchModule } from "../../../../workflows/search/drain-search-outbox"
import type { StoreCatalogVersionResponse } from "../../../contract"

/**
 * The catalogue's version (issue 16): a stamp that changes whenever anything the public catalogue reads could have
 * changed, so a storefront may keep public answers (lists, the product page, search results) until it changes.
 *
 * - The search outbox: every price, stock, status, attribution, consent, household-profile and order change of a
 *   product writes its row when the change is made and again when the index has applied it (`acknowledge` runs after
 *   Meilisearch reports the task done). So the stamp moves after the product page's own data changed (it reads
 *   PostgreSQL) and again after the lists' data did (they read the index).
 * - Split policies (the product page's breakdown): append-only versions.
 *
 * `null` when the outbox is not kept (no MEILISEARCH_HOST: the search-sync subscriber does nothing): nothing may be
 * cached then. Rows are counted with their maximum time so a purge or a soft delete changes the stamp too. Times
 * come as PostgreSQL's text: microseconds matter (two writes in one millisecond).
 */
export const CATALOG_VERSION_SQL = `
SELECT (SELECT count(*) FROM search_outbox) AS outbox_rows,
       (SELECT max(updated_at) FROM search_outbox)::text AS outbox_at,
       (SELECT count(*) FROM split_policy) AS policy_rows,
       (SELECT max(updated_at) FROM split_policy)::text AS policy_at`

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

const stampOf = (value: unknown): string => (value == null ? "-" : String(value))

export async function readCatalogVersion(container: MedusaContainer): Promise<StoreCatalogVersionResponse> {
  if (!productSearchModule(container)) return { version: null }
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(CATALOG_VERSION_SQL)
  const row = rows[0] ?? {}
  return {
    version: [row.outbox_rows, row.outbox_at, row.policy_rows, row.policy_at].map(stampOf).join("|"),
  }
}
