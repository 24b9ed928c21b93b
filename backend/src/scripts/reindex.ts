import type { ExecArgs } from "@medusajs/framework/types"
import type { SeedProgress } from "@lianxin/plugin/search/settings"
import { ProgressPrinter } from "@lianxin/plugin/utils/progress-bar"
import type * as PluginWorkflows from "@lianxin/plugin/workflows"

/** backend/scripts/reindex.mjs tells this exit code apart from a failed rebuild. */
const ALREADY_RUNNING_EXIT = 3

const LABELS: Record<SeedProgress["phase"], string> = { build: "products", catchup: "changed meanwhile" }

/**
 * `npm run reindex` (through backend/scripts/reindex.mjs, which finds the
 * database and Meilisearch): rebuilds the product index from PostgreSQL into a
 * new version and swaps it in; search keeps answering from the old version
 * until the swap. Progress on stdout: a redrawn bar on a terminal, plain lines
 * otherwise. When another rebuild is running (a PostgreSQL advisory lock, in
 * any process) it says so and changes nothing, or waits for it with `--wait`.
 */
export default async function reindexScript({ container, args }: ExecArgs) {
  // `medusa exec` loads the plugin's code on demand (as the seed script does).
  const plugin = require("@lianxin/plugin/workflows") as typeof PluginWorkflows
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
  // `--wait`: start when a rebuild that is running (the nightly job, another terminal) has finished.
  const wait = (args ?? []).includes("--wait")
  if (wait) out.write("Waiting for any rebuild that is running to finish first (--wait)\n")
  let result: Awaited<ReturnType<typeof PluginWorkflows.reindexProductSearch>>
  try {
    result = await plugin.reindexProductSearch(container, {
      wait,
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
  } catch (error) {
    if ((error as Error)?.name !== "ReindexAlreadyRunning") throw error
    // Not a failure of this rebuild: say so plainly (medusa exec exits with process.exitCode).
    process.stderr.write(`${(error as Error).message}\n`)
    process.exitCode = ALREADY_RUNNING_EXIT
    return
  }
  printer?.finish()
  const seconds = (result.ms / 1000).toFixed(1)
  out.write(
    `Swapped in ${result.after?.physical_name ?? "?"} (was ${result.before?.physical_name ?? "none"}): ` +
      `${result.products} products read, ${result.documents ?? "?"} documents in the index, ` +
      `${result.reapplied} changed meanwhile re-applied, in ${seconds} s\n`
  )
}
