/** Name of the product index in the Search Module (its physical names carry a version and any prefix). */
export const PRODUCT_INDEX = "products"

/** Products read per query.graph page while seeding or syncing. */
export const SEED_BATCH = 250

type ProgressListener = (done: number, total: number) => void

const PROGRESS = Symbol.for("lianxin.search.seed-progress")

/**
 * `npm run reindex` draws its progress bar from here. A process-wide slot
 * rather than a module variable: the script and the Search Module may load
 * this file through different paths.
 */
export function onSeedProgress(listener: ProgressListener | undefined): void {
  ;(globalThis as Record<symbol, unknown>)[PROGRESS] = listener
}

export function reportSeedProgress(done: number, total: number): void {
  const listener = (globalThis as Record<symbol, unknown>)[PROGRESS] as ProgressListener | undefined
  listener?.(done, total)
}
