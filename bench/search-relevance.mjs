#!/usr/bin/env node
// A quick loop for tuning relevance (seconds, no PostgreSQL, no Medusa):
//
//   node bench/search-relevance.mjs [--verbose]
//
// Builds the demo catalogue's search documents from the seed data with the plugin's own document builder,
// indexes them into a throw-away Meilisearch with the plugin's index definition, asks every query of the
// relevance set (seed/src/data/search-relevance.ts) through the store route's Meilisearch path and prints
// recall@5 and the misses. The authority is the integration test (backend/integration-tests/http/
// search.spec.ts), which seeds the real demo scenario through Medusa; this only saves the boot.
// Needs the plugin and seed builds (`npx turbo run build --filter=@lianxin/plugin --filter=@lianxin/seed`).
import { createRequire } from "node:module"
import { loadSearchCode } from "./support/search-code.mjs"
import { demoSearchSources } from "./support/search-data.mjs"

const require = createRequire(import.meta.url)
const { DEMO_SEARCH_RELEVANCE, formatRelevance, scoreRelevance } = require("@lianxin/seed/data")
const { testMeilisearch } = await import("../backend/scripts/meilisearch.mjs")

const verbose = process.argv.includes("--verbose")
const meili = await testMeilisearch()
try {
  const code = loadSearchCode({ host: meili.host, apiKey: meili.apiKey, prefix: "relevance" })
  const index = code.version(1)
  await code.provider.upsertIndex({ index })
  const documents = demoSearchSources()
    .map((s) => code.toSearchDocument(s))
    .filter(Boolean)
  const task = await code.provider.upsertDocuments({ index: index.physical_name, definition: index, documents })
  const done = await code.provider.waitForTask(task)
  if (done.status !== "succeeded") throw new Error(`indexing failed: ${JSON.stringify(done.error)}`)
  const answers = []
  for (const c of DEMO_SEARCH_RELEVANCE) {
    const answer = await code.storeSearch(index, { q: c.q, limit: "12" }, ["sc_demo"])
    answers.push(answer.products.map((p) => p.handle))
    if (verbose)
      console.log(
        `${c.q.padEnd(12)} ${answer.retried_with ? `(→ ${answer.retried_with}) ` : ""}${answers.at(-1).slice(0, 6).join(" ")}`
      )
  }
  console.log(formatRelevance(scoreRelevance(DEMO_SEARCH_RELEVANCE, answers)))
} finally {
  await meili.stop()
}
