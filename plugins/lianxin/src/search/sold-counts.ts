import { placeholders } from "../utils/sql"

/** A PostgreSQL connection as knex gives it (the app's `__pg_connection__`). */
export type PgReader = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Units sold per product, for the "best-selling" sort: the quantities of order
 * lines of placed orders, canceled and draft orders left out. Each order line
 * counts once, at the order's current version (Medusa keeps a row per version
 * in order_item). One statement for a whole batch of products; products never
 * sold are absent from the map.
 *
 * Read-only SQL over the order module's tables rather than query.graph: the
 * graph would load every order line of every product to add them up here.
 */
export async function soldCounts(pg: PgReader, productIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(productIds.filter(Boolean))]
  const counts = new Map<string, number>()
  if (!ids.length) return counts
  const { rows } = await pg.raw(
    `SELECT li.product_id, SUM(oi.quantity) AS sold
       FROM order_line_item li
       JOIN order_item oi ON oi.item_id = li.id AND oi.deleted_at IS NULL
       JOIN "order" o ON o.id = oi.order_id AND o.version = oi.version AND o.deleted_at IS NULL
      WHERE li.product_id IN (${placeholders(ids)})
        AND li.deleted_at IS NULL
        AND o.is_draft_order = false
        AND o.status NOT IN ('canceled', 'draft')
      GROUP BY li.product_id`,
    ids
  )
  for (const row of rows) counts.set(String(row.product_id), Math.max(0, Math.trunc(Number(row.sold) || 0)))
  return counts
}

const PG_SLOT = Symbol.for("lianxin.search.pg")

/**
 * The Search Module hands an index's seed only `query`; the search-sync
 * module's loader leaves the shared PostgreSQL connection here so a seed (boot
 * or `npm run reindex`) can add the sold counts. A process-wide slot, like the
 * seed progress listener: the plugin's files may be loaded through two paths.
 */
export function provideSearchPg(pg: PgReader | undefined): void {
  ;(globalThis as Record<symbol, unknown>)[PG_SLOT] = pg
}

export function searchPg(): PgReader {
  const pg = (globalThis as Record<symbol, unknown>)[PG_SLOT] as PgReader | undefined
  if (!pg) {
    throw new Error(
      "[search] no PostgreSQL connection for sold counts: the searchSync module (its loader) is not loaded"
    )
  }
  return pg
}
