/** Name of the product index in the Search Module (its physical names carry a version and any prefix). */
export const PRODUCT_INDEX = "products"

/**
 * How far into a result list the index answers (Meilisearch's pagination.maxTotalHits): beyond it pages are empty
 * and counts stop. Every route that pages through the index must stay within it (pagination.test.ts).
 */
export const MAX_TOTAL_HITS = 10_000

/** Products read per query.graph page while seeding or syncing. */
export const SEED_BATCH = 250

/**
 * Where a seed of the product index is: `build` reads every product once, `catchup` re-reads those changed
 * since the build started. `done` products of `total` read and handed to the Search Module, in `batches` pages.
 */
export type SeedProgress = { phase: "build" | "catchup"; done: number; total: number; batches: number }

/** May return a promise: the seed waits for it before reading the next page (tests change data mid-build). */
type ProgressListener = (progress: SeedProgress) => void | Promise<void>

const PROGRESS = Symbol.for("lianxin.search.seed-progress")

/**
 * `npm run reindex` draws its progress bar from here. A process-wide slot
 * rather than a module variable: the script and the Search Module may load
 * this file through different paths.
 */
export function onSeedProgress(listener: ProgressListener | undefined): void {
  ;(globalThis as Record<symbol, unknown>)[PROGRESS] = listener
}

export async function reportSeedProgress(progress: SeedProgress): Promise<void> {
  const listener = (globalThis as Record<symbol, unknown>)[PROGRESS] as ProgressListener | undefined
  await listener?.(progress)
}
