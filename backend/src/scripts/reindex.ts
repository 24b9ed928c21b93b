import type { ExecArgs } from "@medusajs/framework/types"
import { ProgressPrinter } from "@lianxin/plugin/utils/progress-bar"

type ActiveProductIndex = { version: number; physical_name: string; status: string }
type SeedProgress = { phase: "build" | "catchup"; done: number; total: number; batches: number }
type PluginSearch = {
  activeProductIndex(container: unknown): Promise<ActiveProductIndex | null>
  reindexProductSearch(
    container: unknown,
    options: { onProgress(progress: SeedProgress): void }
  ): Promise<{
    before: ActiveProductIndex | null
    after: ActiveProductIndex | null
    products: number
    documents: number | null
    reapplied: number
    ms: number
  }>
}

const LABELS: Record<SeedProgress["phase"], string> = { build: "products", catchup: "changed meanwhile" }

/**
 * `npm run reindex` (through backend/scripts/reindex.mjs, which finds the
 * database and Meilisearch): rebuilds the product index from PostgreSQL into a
 * new version and swaps it in; search keeps answering from the old version
 * until the swap. Progress on stdout: a redrawn bar on a terminal, plain lines
 * otherwise.
 */
export default async function reindexScript({ container }: ExecArgs) {
  // `medusa exec` loads the plugin's code on demand (as the seed script does).
  const plugin = require("@lianxin/plugin/workflows") as PluginSearch
  const out = process.stdout
  const live = await plugin.activeProductIndex(container)
  out.write(
    `Rebuilding the product search index from PostgreSQL into a new version (live now: ${
      live ? `${live.physical_name}, answering meanwhile` : "none"
    })\n`
  )
  let printer: ProgressPrinter | undefined
  let phase: SeedProgress["phase"] | undefined
  // The build pass starts now; the catch-up pass when the build's last page was taken.
  let phaseStartedAt = Date.now()
  const result = await plugin.reindexProductSearch(container, {
    onProgress(progress) {
      if (progress.phase !== phase) {
        printer?.finish()
        printer = new ProgressPrinter(out, LABELS[progress.phase], Date.now, phaseStartedAt)
        phase = progress.phase
      }
      printer?.update(progress.done, progress.total, progress.batches)
      phaseStartedAt = Date.now()
    },
  })
  printer?.finish()
  const seconds = (result.ms / 1000).toFixed(1)
  out.write(
    `Swapped in ${result.after?.physical_name ?? "?"} (was ${result.before?.physical_name ?? "none"}): ` +
      `${result.products} products read, ${result.documents ?? "?"} documents in the index, ` +
      `${result.reapplied} changed meanwhile re-applied, in ${seconds} s\n`
  )
}
