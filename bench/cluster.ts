// Checkout throughput with one server and with two (issue 17), on the scale-out topology of `npm run cluster`
// (scripts/cluster/cluster.mjs: two Medusa servers and a worker on one PostgreSQL, Redis and Meilisearch), started
// once on the demo scenario. Rounds alternate between server-1 alone (its own port, the proxy bypassed) and both
// servers behind the round-robin proxy, the same buyers each time: `--concurrency` residents at once, each a cart,
// a line and the one-request checkout (tests/cluster/support.ts, as the fault tests buy). Prints orders/s, checkout
// p50/p95, refusals and 5xx, the load average, and the CPU seconds each part used in the round — which is where the
// bottleneck is on this machine (2 cores: two servers share the cores with the worker, PostgreSQL and this client).
//
//   npm run build -w @lianxin/backend -w @lianxin/storefront
//   npx jiti bench/cluster.ts [--rounds 2] [--seconds 40] [--concurrency 20]
//
// Capacity and stock are raised for the run (pickup points and inventory levels of the bench's own database), so a
// round measures checkouts, not the demo's limits.
import { spawnSync } from "node:child_process"
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
const rounds = option("rounds", 2)
const seconds = option("seconds", 40)
const concurrency = option("concurrency", 20)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

/** CPU seconds (user + system) used so far by a process and all its descendants (Linux /proc). */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout.toString().trim()) || 100
function cpuSeconds(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + (Number(p.stat[11]) + Number(p.stat[12])) / CLOCK_TICKS, 0)
}
/** CPU seconds of every postgres process on the machine (the cluster's embedded one, and any other: read with care). */
function postgresSeconds(): number {
  const out = spawnSync("ps", ["-C", "postgres", "-o", "cputimes="]).stdout?.toString() ?? ""
  return out
    .split("\n")
    .map(Number)
    .filter((n) => !Number.isNaN(n))
    .reduce((a, b) => a + b, 0)
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-bench-cluster-"))
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
log(`starting the cluster (2 servers, a worker, 1 storefront; demo scenario) in ${dataDir}…`)
const cluster = await startCluster({ dataDir, env, scenario: "demo", storefronts: 1, log: (l: string) => log(l) })
type Row = {
  target: string
  round: number
  orders: number
  perSecond: number
  p50: number
  p95: number
  refused: number
  errors: number
  load: string
  cpu: string
}
const rows: Row[] = []
try {
  await withDb(cluster.env.DATABASE_URL, async (db) => {
    await db.query("UPDATE pickup_point SET capacity_chilled = 100000, capacity_ambient = 100000")
    // Medusa reads the raw_ (BigNumber) column: raising stocked_quantity alone changes nothing it sells.
    await db.query(
      "UPDATE inventory_level SET stocked_quantity = stocked_quantity + 100000, " +
        "raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + 100000)::text, 'precision', 20)"
    )
  })
  const shop = await catalogue(cluster.backendUrl, cluster.publishableKey)
  const parts = cluster.parts()
  const server1 = parts.find((p) => p.name === "server-1")!
  const targets = [
    { name: "1 server", url: server1.url },
    { name: "2 servers", url: cluster.backendUrl },
  ]
  let buyer = 0
  const round = async (target: { name: string; url: string }, index: number) => {
    const cpuBefore = new Map(parts.map((p) => [p.name, cpuSeconds(p.pid)]))
    const pgBefore = postgresSeconds()
    const latencies: number[] = []
    let refused = 0
    let errors = 0
    const started = Date.now()
    const deadline = started + seconds * 1000
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) {
          const t = Date.now()
          try {
            const r = await checkout(target.url, shop, buyer++)
            if (r.status === 200) latencies.push(Date.now() - t)
            else if (r.status >= 500) errors++
            else refused++
          } catch {
            errors++
          }
        }
      })
    )
    const elapsed = (Date.now() - started) / 1000
    const sorted = latencies.sort((a, b) => a - b)
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
    const cpu = parts
      .filter((p) => p.kind === "backend")
      .map((p) => `${p.name} ${(cpuSeconds(p.pid) - cpuBefore.get(p.name)!).toFixed(0)}`)
      .concat(`postgres ${(postgresSeconds() - pgBefore).toFixed(0)}`)
      .join(", ")
    const row = {
      target: target.name,
      round: index,
      orders: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: at(50),
      p95: at(95),
      refused,
      errors,
      load: load(),
      cpu: `${cpu} (of ${(elapsed * os.cpus().length).toFixed(0)} available)`,
    }
    rows.push(row)
    log(
      `${target.name}, round ${index}: ${row.orders} orders, ${row.perSecond.toFixed(2)}/s, p50 ${row.p50} ms, p95 ${row.p95} ms; load ${row.load}; cpu s: ${row.cpu}`
    )
  }
  // A short warm-up on each, then the rounds alternate.
  for (const target of targets) await round(target, 0)
  rows.length = 0
  for (let r = 1; r <= rounds; r++) for (const target of targets) await round(target, r)
  console.log(
    `\n| target | round | orders | orders/s | checkout p50 | p95 | refused | 5xx/failed | load (1/5/15 min) | CPU s in the round |`
  )
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`)
  for (const r of rows)
    console.log(
      `| ${r.target} | ${r.round} | ${r.orders} | ${r.perSecond.toFixed(2)} | ${r.p50} ms | ${r.p95} ms | ${r.refused} | ${r.errors} | ${r.load} | ${r.cpu} |`
    )
  const rate = (name: string) => {
    const own = rows.filter((r) => r.target === name)
    return own.reduce((a, r) => a + r.perSecond, 0) / own.length
  }
  console.log(
    `\n2 servers / 1 server: ${(rate("2 servers") / rate("1 server")).toFixed(2)}× (${concurrency} buyers at once, ${seconds} s rounds, ${os.cpus().length} cores)`
  )
} finally {
  await cluster.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
