import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_SYNC_MODULE, type SearchSyncModuleService } from "../../modules/search-sync"
import { MeiliClient } from "../../providers/meilisearch/client"
import { PRODUCT_INDEX, type SeedProgress, onSeedProgress } from "../../search/settings"
import { drainSearchOutbox, productSearchModule } from "./drain-search-outbox"

type Knex = {
  raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  transaction<T>(work: (trx: Knex) => Promise<T>): Promise<T>
}

/**
 * The PostgreSQL advisory lock one product reindex holds (two-key form: namespace "Lx", then issue 14), so
 * `npm run reindex` and the nightly job never build at once, whichever processes they run in and with or
 * without Redis (the Search Module's own seed lock is per process without it). Held by a transaction, so it
 * goes with the connection if the process dies.
 */
export const REINDEX_LOCK = [0x4c78, 14] as const

/** Another process (or this one) holds the reindex lock. */
export class ReindexAlreadyRunning extends Error {
  constructor(readonly holder: { pid: number; application_name: string; since: string } | null) {
    super(
      `A product search reindex is already running${
        holder
          ? ` (PostgreSQL backend ${holder.pid}${holder.application_name ? `, ${holder.application_name}` : ""}, since ${holder.since})`
          : ""
      }: nothing was done. Wait for it to finish, or run \`npm run reindex -- --wait\` to start right after it.`
    )
    this.name = "ReindexAlreadyRunning"
  }
}

async function lockHolder(knex: Knex): Promise<ReindexAlreadyRunning["holder"]> {
  const { rows } = await knex.raw(
    `SELECT a.pid, a.application_name, a.xact_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 2
      LIMIT 1`,
    [...REINDEX_LOCK]
  )
  const row = rows[0]
  return row
    ? {
        pid: Number(row.pid),
        application_name: String(row.application_name ?? ""),
        since: row.xact_start ? new Date(row.xact_start as string).toISOString() : "?",
      }
    : null
}

/**
 * Runs `work` holding the reindex lock: throws ReindexAlreadyRunning when
 * another reindex holds it, or waits for it with `wait`.
 */
export async function withReindexLock<T>(
  container: MedusaContainer,
  work: () => Promise<T>,
  { wait = false }: { wait?: boolean } = {}
): Promise<T> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  return knex.transaction(async (trx) => {
    if (wait) {
      await trx.raw("SELECT pg_advisory_xact_lock(?, ?)", [...REINDEX_LOCK])
    } else {
      const { rows } = await trx.raw("SELECT pg_try_advisory_xact_lock(?, ?) AS locked", [...REINDEX_LOCK])
      if (!rows[0]?.locked) throw new ReindexAlreadyRunning(await lockHolder(knex))
    }
    return work()
  })
}

export type ActiveProductIndex = { version: number; physical_name: string; status: string }

/** The version of the product index that serves reads (the Search Module's bookkeeping), or null before the first seed. */
export async function activeProductIndex(container: MedusaContainer): Promise<ActiveProductIndex | null> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `SELECT v.version, v.physical_name, v.status
       FROM search_index i
       JOIN search_index_version v ON v.search_index_id = i.id AND v.version = i.active_version AND v.deleted_at IS NULL
      WHERE i.name = ? AND i.deleted_at IS NULL`,
    [PRODUCT_INDEX]
  )
  const row = rows[0]
  return row
    ? { version: Number(row.version), physical_name: String(row.physical_name), status: String(row.status) }
    : null
}

export type ReindexResult = {
  before: ActiveProductIndex | null
  after: ActiveProductIndex | null
  /** Products read from PostgreSQL by the build pass. */
  products: number
  /** Documents the new version holds (published products of a sales channel); null if Meilisearch did not say. */
  documents: number | null
  /** Products changed while the new version was built, applied to it after the swap. */
  reapplied: number
  ms: number
}

/**
 * A full rebuild of the product index from PostgreSQL (`npm run reindex`, the
 * nightly job): the Search Module builds a new version next to the live one,
 * catches up on products updated meanwhile and swaps it in; searches keep
 * answering from the old version until then. Changes the outbox applied during
 * the build went to the old version, and not all of them touch the product row
 * the module's catch-up looks at (stock, prices, attribution): those products
 * are applied again to the new version. A failure leaves the live version as it
 * was and throws.
 */
export async function reindexProductSearch(
  container: MedusaContainer,
  {
    onProgress,
    wait = false,
  }: {
    onProgress?: (progress: SeedProgress) => void | Promise<void>
    /** Wait for a reindex that is running instead of throwing ReindexAlreadyRunning. */
    wait?: boolean
  } = {}
): Promise<ReindexResult> {
  if (!productSearchModule(container)) {
    throw new Error(
      "No product search index: MEILISEARCH_HOST is not set for this process (and `medusa db:migrate` creates the index)"
    )
  }
  return withReindexLock(container, () => rebuild(container, onProgress), { wait })
}

async function rebuild(
  container: MedusaContainer,
  onProgress: ((progress: SeedProgress) => void | Promise<void>) | undefined
): Promise<ReindexResult> {
  const outbox = container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE)
  const before = await activeProductIndex(container)
  const startedAt = Date.now()
  const since = await outbox.clock()
  let products = 0
  onSeedProgress(async (progress) => {
    if (progress.phase === "build") products = progress.done
    await onProgress?.(progress)
  })
  try {
    await container.resolve<{ reindex(input: { index: string }): Promise<unknown> }>(Modules.SEARCH).reindex({
      index: PRODUCT_INDEX,
    })
  } finally {
    onSeedProgress(undefined)
  }
  const touched = await outbox.touchedSince(since)
  if (touched.length) {
    await outbox.enqueue(touched, "changed while the index was rebuilt")
    await drainSearchOutbox(container)
  }
  await outbox.purgeApplied(since)
  const after = await activeProductIndex(container)
  return {
    before,
    after,
    products,
    documents: after ? await documentCount(after.physical_name) : null,
    reapplied: touched.length,
    ms: Date.now() - startedAt,
  }
}

async function documentCount(physicalName: string): Promise<number | null> {
  if (!process.env.MEILISEARCH_HOST) return null
  try {
    const client = new MeiliClient({ host: process.env.MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY })
    return (await client.stats()).indexes[physicalName]?.numberOfDocuments ?? 0
  } catch {
    return null
  }
}
