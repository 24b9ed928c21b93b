// `npm run bench` (issue 16): builds, starts the shop on a fresh database seeded with the deterministic `bench`
// scenario (5,000 products through Medusa's workflows; `--quick`: 1,000), starts vanilla Medusa (no plugin:
// LIANXIN_BENCH_VANILLA=1) on the same database, runs interleaved rounds at a fixed concurrency and prints one table
// with the load average beside each measurement. The load generator runs on the same machine: on 2 cores it takes
// CPU from the servers it measures, so every figure is a lower bound of what the servers could do alone.
//
//   npm run bench [-- --quick] [--products N] [--rounds N] [--seconds N] [--concurrency N] [--rate N] [--no-build]
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { freePort } from "../backend/scripts/postgres.mjs"
import { repoDir, startStack } from "../tests/support/stack"

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const quick = flag("--quick")
const products = option("--products", quick ? 1000 : 5000)
const rounds = option("--rounds", quick ? 1 : 3)
const seconds = option("--seconds", quick ? 4 : 10)
const concurrency = option("--concurrency", 10)
/** The fixed arrival rate of the open-loop store API rows (the goal: p95 ≤ 50 ms at 50 req/s). */
const rate = option("--rate", 50)

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

if (!flag("--no-build")) {
  log("building plugin, seed, backend and storefront (turbo)…")
  const built = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=@lianxin/backend", "--filter=@lianxin/storefront", "--output-logs=errors-only"],
    {
      cwd: repoDir,
      stdio: "inherit",
    }
  )
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const logDir = path.join(os.tmpdir(), "lianxin-bench-logs")
// The stack appends to its logs: start from empty ones (the index wait below reads this run's backend log).
fs.rmSync(logDir, { recursive: true, force: true })
log(
  `starting the shop on a fresh database with ${products} products (scenario bench; logs in ${logDir}); load ${load()}`
)
process.env.LIANXIN_BENCH_PRODUCTS = String(products)
const seedStarted = Date.now()
const stack = await startStack({ scenario: "bench", logDir, startTimeoutMs: 60 * 60_000 })
const seededIn = (Date.now() - seedStarted) / 1000
let vanilla: ChildProcess | undefined

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers })
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`)
  return res.json() as Promise<any>
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${what} not reached within ${timeoutMs / 1000} s`)
}

try {
  const key = { "x-publishable-api-key": stack.publishableKey }
  log(
    `shop up after ${seededIn.toFixed(0)} s (migrations, seed of ${products} products, Medusa start); waiting for the index…`
  )
  const indexStarted = Date.now()
  // The catalog's count stops at the index's maxTotalHits (10,000, plugin search/settings.ts), so past that it cannot
  // say every product is in: the Search Module's own line that it has seeded the new index version says that.
  const backendLog = path.join(logDir, "backend.log")
  await waitUntil(
    `${products} products in the search index`,
    async () => {
      const a = await getJson(`${stack.backendUrl}/store/lianxin/catalog?limit=1`, key)
      const seeded = /Seeded "products": [\d,]+ documents/.test(fs.readFileSync(backendLog, "utf8"))
      return a.engine === "meilisearch" && a.count >= Math.min(products, 10_000) && seeded
    },
    30 * 60_000
  )
  const indexedIn = (Date.now() - indexStarted) / 1000

  const vanillaPort = await freePort()
  const vanillaUrl = `http://localhost:${vanillaPort}`
  const vanillaLog = path.join(logDir, "vanilla.log")
  vanilla = spawn(path.join(repoDir, "node_modules", ".bin", "medusa"), ["start", "--port", String(vanillaPort)], {
    cwd: path.join(repoDir, "backend", ".medusa", "server"),
    env: {
      ...process.env,
      LIANXIN_BENCH_VANILLA: "1",
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: stack.databaseUrl,
      PORT: String(vanillaPort),
      REDIS_URL: "",
    },
    stdio: ["ignore", fs.openSync(vanillaLog, "a"), fs.openSync(vanillaLog, "a")],
    detached: true,
  })
  await waitUntil("vanilla Medusa /health", async () => (await fetch(`${vanillaUrl}/health`)).ok, 180_000)
  log(`vanilla Medusa (no plugin) up on ${vanillaUrl}`)

  const { regions } = await getJson(`${stack.backendUrl}/store/regions?fields=id,name`, key)
  const region = regions.find((r: { name: string }) => r.name === "中国大陆") ?? regions[0]
  const first = await getJson(`${stack.backendUrl}/store/lianxin/catalog?limit=1&offset=100`, key)
  const handle: string = first.products[0].handle
  // Exactly the fields the storefront asked Medusa for on every list before the read model (medusa.server.ts).
  const listFields =
    "id,title,handle,thumbnail,metadata,variants.id,variants.title,variants.manage_inventory,variants.allow_backorder,variants.inventory_quantity,variants.calculated_price.calculated_amount"
  const productsPath = `/store/products?limit=20&region_id=${region.id}&fields=${encodeURIComponent(listFields)}`
  const home = await fetch(`${stack.storefrontUrl}/`)
  const etag = home.headers.get("etag") ?? ""
  await home.arrayBuffer()

  /** `rate`: open loop at this many requests a second (the "p95 at 50 req/s"), else `concurrency` in flight. */
  type Target = { name: string; url: string; headers: Record<string, string>; expect: number; rate?: number }
  const targets: Target[] = [
    { name: "vanilla GET /store/products (limit 20)", url: `${vanillaUrl}${productsPath}`, headers: key, expect: 200 },
    {
      name: "lianxin GET /store/products (limit 20)",
      url: `${stack.backendUrl}${productsPath}`,
      headers: key,
      expect: 200,
    },
    {
      name: "lianxin GET /store/lianxin/catalog (24 cards)",
      url: `${stack.backendUrl}/store/lianxin/catalog?limit=24`,
      headers: key,
      expect: 200,
    },
    { name: "storefront / (SSR, no cookie)", url: `${stack.storefrontUrl}/`, headers: {}, expect: 200 },
    {
      name: "storefront / revalidated (If-None-Match → 304)",
      url: `${stack.storefrontUrl}/`,
      headers: { "If-None-Match": etag },
      expect: 304,
    },
    {
      name: "storefront /products/:handle (SSR)",
      url: `${stack.storefrontUrl}/products/${handle}`,
      headers: {},
      expect: 200,
    },
    // The other browsing pages: a demo category (the bench scenario is the demo plus generated twins) and a search.
    {
      name: "storefront /categories/fruit (SSR)",
      url: `${stack.storefrontUrl}/categories/fruit`,
      headers: {},
      expect: 200,
    },
    {
      name: "storefront /search?q=苹果 (SSR)",
      url: `${stack.storefrontUrl}/search?q=${encodeURIComponent("苹果")}`,
      headers: {},
      expect: 200,
    },
    {
      name: `vanilla GET /store/products (limit 20) at ${rate} req/s`,
      url: `${vanillaUrl}${productsPath}`,
      headers: key,
      expect: 200,
      rate,
    },
    {
      name: `lianxin GET /store/lianxin/catalog (24 cards) at ${rate} req/s`,
      url: `${stack.backendUrl}/store/lianxin/catalog?limit=24`,
      headers: key,
      expect: 200,
      rate,
    },
    {
      name: `lianxin GET /store/lianxin/catalog/products/:handle at ${rate} req/s`,
      url: `${stack.backendUrl}/store/lianxin/catalog/products/${handle}`,
      headers: key,
      expect: 200,
      rate,
    },
  ]

  // Open-loop rows may have more than `concurrency` requests in flight when the server falls behind.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(concurrency, rate * 4) })
  function once(target: Target): Promise<{ ms: number; status: number }> {
    const started = performance.now()
    return new Promise((resolve) => {
      const req = http.get(target.url, { agent, headers: target.headers }, (res) => {
        res.resume()
        res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }))
      })
      req.on("error", () => resolve({ ms: performance.now() - started, status: 0 }))
    })
  }
  async function measure(target: Target) {
    for (let i = 0; i < 3; i++) await once(target)
    const times: number[] = []
    let wrong = 0
    const until = performance.now() + seconds * 1000
    const started = performance.now()
    const record = (r: { ms: number; status: number }) => {
      times.push(r.ms)
      if (r.status !== target.expect) wrong++
    }
    if (target.rate) {
      // Open loop: request i leaves at started + i / rate whatever the earlier ones do, so a slow server meets the
      // same arrivals (queueing shows in the latency, not as a lower rate).
      const sent: Promise<void>[] = []
      for (let i = 0; started + (i * 1000) / target.rate < until; i++) {
        const wait = started + (i * 1000) / target.rate - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        sent.push(once(target).then(record))
      }
      await Promise.all(sent)
    } else {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) record(await once(target))
        })
      )
    }
    const elapsed = (performance.now() - started) / 1000
    times.sort((a, b) => a - b)
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? Number.NaN
    return { rps: times.length / elapsed, p50: pct(50), p95: pct(95), n: times.length, wrong, load: load() }
  }

  type Row = Awaited<ReturnType<typeof measure>> & { round: number; target: string }
  const rows: Row[] = []
  for (let round = 1; round <= rounds; round++) {
    // Interleaved: each round starts one target later, so no target always runs on the warmest (or busiest) machine.
    const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!)
    for (const target of order) {
      const row = { round, target: target.name, ...(await measure(target)) }
      rows.push(row)
      log(
        `round ${round} ${target.name}: ${row.rps.toFixed(1)} req/s, p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms (load ${row.load})`
      )
    }
  }

  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b)
    return s[Math.floor(s.length / 2)] ?? Number.NaN
  }
  const summary = new Map(
    targets.map((t) => {
      const mine = rows.filter((r) => r.target === t.name)
      return [
        t.name,
        {
          rps: median(mine.map((r) => r.rps)),
          p50: median(mine.map((r) => r.p50)),
          p95: median(mine.map((r) => r.p95)),
        },
      ]
    })
  )
  const vanillaRps = summary.get(targets[0]!.name)!.rps
  const vanillaP95 = summary.get(targets[0]!.name)!.p95
  console.log(
    `\n${products} products (seed + start ${seededIn.toFixed(0)} s, index ${indexedIn.toFixed(0)} s), ${concurrency} concurrent, ${seconds} s per measurement, ${rounds} interleaved round(s); ${os.cpus().length} cores, load generator on the same machine\n`
  )
  console.log("| round | target | req/s | p50 ms | p95 ms | requests | wrong status | load avg (1/5/15) |")
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |")
  for (const r of rows) {
    console.log(
      `| ${r.round} | ${r.target} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.n} | ${r.wrong} | ${r.load} |`
    )
  }
  console.log(
    "\n| target (median of rounds) | req/s | p50 ms | p95 ms | req/s ÷ vanilla products | p95 ÷ vanilla products |"
  )
  console.log("| --- | --- | --- | --- | --- | --- |")
  for (const [name, s] of summary) {
    console.log(
      `| ${name} | ${s.rps.toFixed(1)} | ${s.p50.toFixed(0)} | ${s.p95.toFixed(0)} | ${(s.rps / vanillaRps).toFixed(2)}× | ${(s.p95 / vanillaP95).toFixed(2)}× |`
    )
  }
  if (rows.some((r) => r.wrong > 0)) process.exitCode = 1
} finally {
  if (vanilla?.pid && vanilla.exitCode === null) {
    try {
      process.kill(-vanilla.pid, "SIGTERM")
    } catch {}
  }
  await stack.stop()
}
