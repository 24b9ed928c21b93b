#!/usr/bin/env node
// N concurrent guest checkouts racing for the last K places of one pickup point: exactly K must become
// orders, the others must be refused cleanly (4xx, never 5xx), and the point must end exactly full.
// Prints completions/s and p50/p95 latency of the racing `POST /store/carts/:id/complete`, and of a whole
// guest checkout measured sequentially before the race (cart → line → address → pickup → shipping → payment → complete).
//
//   node bench/checkout-contention.mjs --start [--n 40] [--k 10] [--taken 3]
//       starts the production backend itself (backend/scripts/start.mjs, the e2e scenario, a fresh database,
//       no Redis — as tests/support/stack.ts does, without the storefront), then drops it all.
//       Needs `npm run build -w @lianxin/plugin` and `npm run build -w backend`.
//   BACKEND_URL=http://localhost:9000 PUBLISHABLE_KEY=pk_… node bench/checkout-contention.mjs [--n 40] [--k 10]
//       against a running stack seeded with the e2e scenario (ADMIN_EMAIL / ADMIN_PASSWORD for another admin).
//
// Every run creates its own property office, pickup point (ambient capacity K + taken) and order cycle, so
// runs never share places. `taken` places are filled by sequential checkouts first: the race is for the last K.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const N = Number(option("n", "40"))
const K = Number(option("k", "10"))
const TAKEN = Number(option("taken", "3"))
const HANDLE = option("product", "e2e-apple")
if (!(N > K && K > 0)) throw new Error(`need n > k > 0 (got n=${N}, k=${K})`)

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}
const ms = (v) => `${v.toFixed(0)} ms`

// ---------------------------------------------------------------- backend of our own (--start)
async function startBackend() {
  const { createTestDatabase, dropDatabase, freePort, testPostgresServer } = await import(
    path.join(repoDir, "backend/scripts/postgres.mjs")
  )
  const pg = await testPostgresServer()
  const { migrationUrl, databaseUrl } = await createTestDatabase(
    pg.serverUrl,
    `lianxin_bench_${crypto.randomBytes(4).toString("hex")}`
  )
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-bench-"))
  const port = await freePort()
  const url = `http://localhost:${port}`
  const keyFile = path.join(dataDir, "publishable-key")
  const logFile = path.join(dataDir, "backend.log")
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATION_URL: migrationUrl,
    LIANXIN_DATA_DIR: dataDir,
    LIANXIN_PUBLISHABLE_KEY_FILE: keyFile,
    MEDUSA_BACKEND_URL: url,
    PORT: String(port),
    LIANXIN_SEED_SCENARIO: "e2e",
  }
  delete env.REDIS_URL
  const out = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, ["backend/scripts/start.mjs"], {
    cwd: repoDir,
    env,
    stdio: ["ignore", out, out],
    detached: true,
  })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r))
      child.kill("SIGTERM")
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL")
        } catch {}
      }, 20_000)
      await exited
      clearTimeout(t)
    }
    await dropDatabase(migrationUrl).catch(() => {})
    await pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n")
      await stop()
      throw new Error(`backend exited early:\n${log}`)
    }
    try {
      if ((await fetch(`${url}/health`)).ok && fs.existsSync(keyFile)) break
    } catch {}
    if (Date.now() - started > 300_000) {
      await stop()
      throw new Error("backend did not come up in 300 s")
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  console.log(
    `backend up in ${((Date.now() - started) / 1000).toFixed(0)} s at ${url} (fresh database, e2e scenario, no Redis)`
  )
  return { url, key: fs.readFileSync(keyFile, "utf8").trim(), stop }
}

// ---------------------------------------------------------------- HTTP
function client(base, headers) {
  return async function call(method, url, body, extra = {}) {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let data
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
    return { status: res.status, data }
  }
}
async function ok(p, what) {
  const r = await p
  if (r.status >= 400) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.data).slice(0, 300)}`)
  return r.data
}

async function run(base, key) {
  const store = client(base, { "x-publishable-api-key": key })
  const login = await ok(
    client(base, {})("POST", "/auth/user/emailpass", {
      email: process.env.ADMIN_EMAIL ?? "e2e-admin@lianxin.local",
      password: process.env.ADMIN_PASSWORD ?? "lianxin-e2e-2026",
    }),
    "admin login"
  )
  const admin = client(base, { authorization: `Bearer ${login.token}` })

  // A point of our own with exactly TAKEN + K ambient places, and a cycle of our own.
  const tag = crypto.randomBytes(3).toString("hex").toUpperCase()
  const office = await ok(
    admin("POST", "/admin/pickup-offices", {
      company: `压测物业 ${tag}`,
      compound_name: `压测小区 ${tag}`,
      address: "杭州市压测路 1 号",
      city: "杭州市",
      phone: "0571-80000000",
    }),
    "create office"
  )
  const point = await ok(
    admin("POST", "/admin/pickup-points", {
      office_id: office.property_office.id,
      code: `BENCH-${tag}`,
      name: `压测 ${tag} 前台`,
      capacity_chilled: 1,
      capacity_ambient: TAKEN + K,
    }),
    "create point"
  )
  const now = Date.now()
  const HOUR = 3_600_000
  const cycle = await ok(
    admin("POST", "/admin/pickup-cycles", {
      name: `压测批次 ${tag}`,
      rhythm: "daily",
      producer_cutoff_at: new Date(now + 1 * HOUR).toISOString(),
      resident_cutoff_at: new Date(now + 2 * HOUR).toISOString(),
      pickup_starts_at: new Date(now + 20 * HOUR).toISOString(),
      pickup_ends_at: new Date(now + 24 * HOUR).toISOString(),
    }),
    "create cycle"
  )
  const choice = { pickup_point_id: point.pickup_point.id, order_cycle_id: cycle.order_cycle.id }

  const { products } = await ok(store("GET", `/store/products?handle=${HANDLE}&fields=id,*variants`), "product")
  const variantId = products[0]?.variants?.[0]?.id
  if (!variantId) throw new Error(`no product ${HANDLE}: is the backend seeded with the e2e scenario?`)
  const { regions } = await ok(store("GET", "/store/regions"), "regions")
  const region = regions.find((r) => r.currency_code === "cny")

  /** A guest cart, ready to complete (everything up to the completion). */
  async function prepareCart(i) {
    const { cart } = await ok(store("POST", "/store/carts", { region_id: region.id }), "cart")
    await ok(store("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }), "line")
    await ok(
      store("POST", `/store/carts/${cart.id}`, {
        email: `bench-${tag.toLowerCase()}-${i}@bench.test`,
        shipping_address: {
          first_name: "小压",
          last_name: "测",
          phone: "13800138000",
          address_1: "压测小区物业",
          city: "杭州",
          country_code: "cn",
        },
      }),
      "address"
    )
    await ok(store("POST", `/store/carts/${cart.id}/pickup`, choice), "pickup choice")
    const { shipping_options } = await ok(
      store("GET", `/store/shipping-options?cart_id=${cart.id}`),
      "shipping options"
    )
    await ok(
      store("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }),
      "shipping method"
    )
    const { payment_collection } = await ok(
      store("POST", "/store/payment-collections", { cart_id: cart.id }),
      "payment collection"
    )
    await ok(
      store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
        provider_id: "pp_system_default",
      }),
      "payment session"
    )
    return cart.id
  }
  async function complete(cartId) {
    const started = performance.now()
    const r = await store("POST", `/store/carts/${cartId}/complete`, {})
    const took = performance.now() - started
    const order = r.status < 400 && r.data?.type === "order" ? r.data.order : null
    return {
      status: r.status,
      order,
      message: order ? null : String(r.data?.error?.message ?? r.data?.message ?? ""),
      took,
    }
  }

  // 1. TAKEN whole checkouts, one at a time (timed end to end): the point then has exactly K places left.
  const whole = []
  for (let i = 0; i < TAKEN; i++) {
    const started = performance.now()
    const r = await complete(await prepareCart(`seq${i}`))
    whole.push(performance.now() - started)
    if (!r.order) throw new Error(`sequential checkout ${i} failed: ${r.status} ${r.message}`)
  }
  const before = await ok(
    store("GET", `/store/pickup-points/${choice.pickup_point_id}/availability?order_cycle_id=${choice.order_cycle_id}`),
    "availability"
  )
  if (before.availability.classes.ambient.remaining !== K) {
    throw new Error(
      `expected ${K} places left before the race, found ${JSON.stringify(before.availability.classes.ambient)}`
    )
  }

  // 2. N guest carts prepared (4 at a time), then all completions fired at the same moment.
  const carts = []
  const prepStarted = performance.now()
  for (let i = 0; i < N; i += 4) {
    carts.push(...(await Promise.all(Array.from({ length: Math.min(4, N - i) }, (_, j) => prepareCart(i + j)))))
  }
  const prepMs = performance.now() - prepStarted
  const loadBefore = os.loadavg()[0]
  const raceStarted = performance.now()
  const results = await Promise.all(carts.map(complete))
  const raceMs = performance.now() - raceStarted

  const won = results.filter((r) => r.order)
  const lost = results.filter((r) => !r.order)
  const serverErrors = results.filter((r) => r.status >= 500)
  const after = await ok(
    store("GET", `/store/pickup-points/${choice.pickup_point_id}/availability?order_cycle_id=${choice.order_cycle_id}`),
    "availability"
  )
  const lat = results.map((r) => r.took).sort((a, b) => a - b)
  const winLat = won.map((r) => r.took).sort((a, b) => a - b)
  const reasons = {}
  for (const r of lost) {
    const k = `${r.status} ${r.message.slice(0, 70)}`
    reasons[k] = (reasons[k] ?? 0) + 1
  }

  const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`
  console.log(
    `\nmachine: ${os.cpus().length} cores, 1-min load average before → after the race ${load} (other work inflates every figure)`
  )
  console.log(
    `point ${choice.pickup_point_id}: ${TAKEN + K} ambient places, ${TAKEN} taken first; ${N} guest checkouts race for the last ${K}`
  )
  if (whole.length) {
    const w = [...whole].sort((a, b) => a - b)
    console.log(
      `whole guest checkout, sequential (9 requests, n=${w.length}): p50 ${ms(percentile(w, 50))}  p95 ${ms(percentile(w, 95))}`
    )
  }
  console.log(`preparing ${N} carts (8 requests each, 4 at a time): ${(prepMs / 1000).toFixed(1)} s`)
  console.log(`race: ${N} completions at once, all answered in ${(raceMs / 1000).toFixed(2)} s`)
  console.log(
    `  orders/s ${(won.length / (raceMs / 1000)).toFixed(2)}   completions answered/s ${(N / (raceMs / 1000)).toFixed(2)}`
  )
  console.log(
    `  completion latency, all ${N}: p50 ${ms(percentile(lat, 50))}  p95 ${ms(percentile(lat, 95))}  max ${ms(lat.at(-1))}`
  )
  if (winLat.length)
    console.log(
      `  completion latency, the ${won.length} orders: p50 ${ms(percentile(winLat, 50))}  p95 ${ms(percentile(winLat, 95))}`
    )
  console.log(`  succeeded ${won.length} (expected exactly ${K}); refused ${lost.length}; 5xx ${serverErrors.length}`)
  for (const [k, v] of Object.entries(reasons)) console.log(`    ${v} × ${k}`)
  console.log(
    `  places left after the race: ${after.availability.classes.ambient.remaining} of ${after.availability.classes.ambient.capacity}`
  )

  const failures = []
  if (won.length !== K) failures.push(`${won.length} orders instead of exactly ${K}`)
  if (serverErrors.length) failures.push(`${serverErrors.length} completions answered 5xx`)
  if (after.availability.classes.ambient.remaining !== 0)
    failures.push(`${after.availability.classes.ambient.remaining} places left, expected 0`)
  if (new Set(won.map((r) => r.order.id)).size !== won.length) failures.push("duplicate order ids")
  if (failures.length) {
    console.log(`FAIL: ${failures.join("; ")}`)
    return 1
  }
  console.log(`OK: exactly ${K} of ${N} got a place`)
  return 0
}

let backend
let status = 1
try {
  if (args.includes("--start")) backend = await startBackend()
  const base = (backend?.url ?? process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/+$/, "")
  const key = backend?.key ?? process.env.PUBLISHABLE_KEY
  if (!key) throw new Error("PUBLISHABLE_KEY is required without --start")
  status = await run(base, key)
} finally {
  if (backend) await backend.stop()
}
process.exit(status)
