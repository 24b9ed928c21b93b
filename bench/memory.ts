// Memory under mixed load (issue 16: "backend RSS ≤ 600 MB after 30 minutes of mixed load; no growth over a second
// 30 minutes"), on the production topology of `npm run cluster` with one server: a Medusa server, a worker, one
// storefront, Redis, PostgreSQL and Meilisearch (scripts/cluster/cluster.mjs), demo scenario.
//
//   npm run build -w @lianxin/backend -w @lianxin/storefront
//   npx jiti bench/memory.ts [--minutes 60] [--browsers 10] [--buyers 2] [--sample 60] [--server-node-options "…"]
//
// For `--minutes`, `--browsers` visitors at once browse (storefront home, a product page, search; the catalogue read
// model and Medusa's product list on the backend) and `--buyers` residents at once buy (cart, line, the one-request
// checkout, as tests/cluster/support.ts does). Every `--sample` seconds it prints the resident set size (VmRSS,
// /proc) of each part's process tree, the requests and orders so far, failures and the load average; at the end a
// table of the samples and the growth of each part over the second half of the run.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { startCluster } from "../scripts/cluster/cluster.mjs"
import { catalogue, checkout, withDb } from "../tests/cluster/support"
import { processTree } from "./support/proc-tree"

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const minutes = option("minutes", 60)
const browsers = option("browsers", 10)
const buyers = option("buyers", 2)
const sampleSeconds = option("sample", 60)
// NODE_OPTIONS for the Medusa server only, e.g. "--max-old-space-size=384" (the worker and storefront keep Node's defaults).
const serverNodeOptions = args.includes("--server-node-options")
  ? args[args.indexOf("--server-node-options") + 1]
  : undefined
const log = (message: string) => console.log(`[memory ${new Date().toISOString().slice(11, 19)}] ${message}`)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")

/** Resident set size in MB of a process and all its descendants (VmRSS, Linux /proc). */
function rssMb(rootPid: number): number {
  let kb = 0
  for (const { pid } of processTree(rootPid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0)
    } catch {}
  }
  return kb / 1024
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-bench-memory-"))
const env: NodeJS.ProcessEnv = { ...process.env, LIANXIN_QUIET_HOURS: "off", LIANXIN_SMS_ADAPTER: "outbox" }
for (const name of [
  "DATABASE_URL",
  "DATABASE_MIGRATION_URL",
  "REDIS_URL",
  "MEILISEARCH_HOST",
  "MEILISEARCH_API_KEY",
  "PORT",
])
  delete env[name]
log(`starting one server, a worker and a storefront (demo scenario) in ${dataDir}…`)
const cluster = await startCluster({
  dataDir,
  env,
  scenario: "demo",
  servers: 1,
  serverEnv: serverNodeOptions ? { NODE_OPTIONS: serverNodeOptions } : {},
  storefronts: 1,
  log: (l: string) => log(l),
})
type Sample = {
  minute: number
  rss: Record<string, number>
  requests: number
  orders: number
  failed: number
  load: string
}
const samples: Sample[] = []
try {
  await withDb(cluster.env.DATABASE_URL, async (db) => {
    await db.query("UPDATE pickup_point SET capacity_chilled = 1000000, capacity_ambient = 1000000")
    // Medusa reads the raw_ (BigNumber) column: raising stocked_quantity alone changes nothing it sells.
    await db.query(
      "UPDATE inventory_level SET stocked_quantity = stocked_quantity + 1000000, " +
        "raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + 1000000)::text, 'precision', 20)"
    )
  })
  const shop = await catalogue(cluster.backendUrl, cluster.publishableKey)
  const { products } = (await (
    await fetch(`${cluster.backendUrl}/store/lianxin/catalog?limit=24`, {
      headers: { "x-publishable-api-key": cluster.publishableKey },
    })
  ).json()) as { products: Array<{ handle: string }> }
  const handles = products.map((p) => p.handle)
  const parts = cluster.parts().filter((p) => p.kind === "backend" || p.kind === "storefront")
  const key = { "x-publishable-api-key": cluster.publishableKey }
  const visits = [
    () => fetch(`${cluster.storefrontUrl}/`),
    (i: number) => fetch(`${cluster.storefrontUrl}/products/${encodeURIComponent(handles[i % handles.length]!)}`),
    () => fetch(`${cluster.storefrontUrl}/search?q=${encodeURIComponent("苹果")}`),
    () => fetch(`${cluster.backendUrl}/store/lianxin/catalog?limit=24&sort=best_selling`, { headers: key }),
    () => fetch(`${cluster.backendUrl}/store/products?limit=20&region_id=${shop.region}`, { headers: key }),
  ]
  let requests = 0
  let orders = 0
  let failed = 0
  const started = Date.now()
  const deadline = started + minutes * 60_000
  const sample = () => {
    const rss = Object.fromEntries(parts.map((p) => [p.name, rssMb(p.pid)]))
    const s = { minute: (Date.now() - started) / 60_000, rss, requests, orders, failed, load: load() }
    samples.push(s)
    log(
      `${s.minute.toFixed(1)} min: ${parts.map((p) => `${p.name} ${rss[p.name]!.toFixed(0)} MB`).join(", ")}; ` +
        `${requests} requests, ${orders} orders, ${failed} failed; load ${s.load}`
    )
  }
  sample()
  const timer = setInterval(sample, sampleSeconds * 1000)
  let visitor = 0
  let buyer = 0
  await Promise.all([
    ...Array.from({ length: browsers }, async () => {
      while (Date.now() < deadline) {
        const i = visitor++
        try {
          const response = await visits[i % visits.length]!(i)
          await response.arrayBuffer()
          if (response.status >= 500) failed++
          requests++
        } catch {
          failed++
        }
      }
    }),
    ...Array.from({ length: buyers }, async () => {
      while (Date.now() < deadline) {
        try {
          const r = await checkout(cluster.backendUrl, shop, buyer++)
          if (r.status === 200) orders++
          else if (r.status >= 500) failed++
        } catch {
          failed++
        }
      }
    }),
  ])
  clearInterval(timer)
  sample()
  console.log(`\n| minute | ${parts.map((p) => `${p.name} RSS MB`).join(" | ")} | requests | orders | failed | load |`)
  console.log(`| --- | ${parts.map(() => "---").join(" | ")} | --- | --- | --- | --- |`)
  for (const s of samples)
    console.log(
      `| ${s.minute.toFixed(1)} | ${parts.map((p) => s.rss[p.name]!.toFixed(0)).join(" | ")} | ${s.requests} | ${s.orders} | ${s.failed} | ${s.load} |`
    )
  const half = samples.find((s) => s.minute >= minutes / 2) ?? samples[0]!
  const last = samples.at(-1)!
  console.log(
    `\nAt ${half.minute.toFixed(0)} min → ${last.minute.toFixed(0)} min: ` +
      parts.map((p) => `${p.name} ${half.rss[p.name]!.toFixed(0)} → ${last.rss[p.name]!.toFixed(0)} MB`).join(", ") +
      ` (${browsers} browsers, ${buyers} buyers, ${os.cpus().length} cores)`
  )
} finally {
  await cluster.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
