// Runs storefront-render.mjs against a stack of its own: the production builds of backend and storefront on a fresh
// database with a seeded scenario (tests/support/stack.ts, as the Playwright journeys use), then stops it.
//
//   npm run build -w @lianxin/backend -w @lianxin/storefront
//   npx jiti bench/with-stack.ts [--scenario demo|e2e] [-- storefront-render options, e.g. --requests 200]
import { spawnSync } from "node:child_process"
import os from "node:os"
import path from "node:path"
import { repoDir, startStack } from "../tests/support/stack"

const args = process.argv.slice(2)
const split = args.indexOf("--")
const own = split >= 0 ? args.slice(0, split) : args
const forwarded = split >= 0 ? args.slice(split + 1) : []
const scenarioAt = own.indexOf("--scenario")
const scenario = scenarioAt >= 0 ? own[scenarioAt + 1]! : "demo"

const logDir = path.join(os.tmpdir(), "lianxin-bench-logs")
const stack = await startStack({ scenario, logDir })
let status = 1
try {
  console.log(`stack up (scenario ${scenario}; logs in ${logDir}); backend and storefront on this machine`)
  const run = spawnSync(process.execPath, [path.join(repoDir, "bench", "storefront-render.mjs"), ...forwarded], {
    stdio: "inherit",
    env: { ...process.env, STOREFRONT_URL: stack.storefrontUrl },
  })
  status = run.status ?? 1
} finally {
  await stack.stop()
}
process.exit(status)
