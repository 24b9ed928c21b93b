#!/usr/bin/env node
// Where a checkout's time goes, in one command (issue 10, item 4):
//
//   node bench/checkout.mjs [--n 30] [--warmup 3] [--json out.json]
//
// Starts its own stack — the production builds of backend and storefront on a fresh database with the demo
// scenario, as `npm start` does (needs `npm run build -w @lianxin/backend -w @lianxin/storefront`) — with two
// instruments between the parts:
//   - a counting proxy between storefront and backend: every backend request the storefront makes, timed;
//   - bench/support/pg-count.cjs inside the backend: every SQL statement it sends (pg's Client#query).
// Then, one resident at a time (a fresh session each: the product page's add-to-cart post, the compound cookie):
//   1. the storefront's whole submit action: POST /checkout (form post, pay at pickup) until its 303 to the order;
//   2. the backend's cart completion alone: the same cart prepared through the store API, then
//      POST /store/carts/:id/complete timed, with the statements it sent.
// Prints p50/p95 per step, backend requests and SQL statements per order. Goals (2 cores, demo data): submit
// p95 ≤ 1 s, completion p95 ≤ 400 ms. Read the figures with the load average printed beside them.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const N = Number(option("n", "30"))
const WARMUP = Number(option("warmup", "3"))
const JSON_OUT = option("json", null)
// --profile: one more submit after the runs, its SQL statements grouped by text (literals out), the most repeated first.
const PROFILE = args.includes("--profile")
const HANDLES = [
  "fuji-apple-luochuan",
  "orah-mandarin-shuangjiang",
  "xianghe-glutinous-rice-liping",
  "red-skin-peanuts-tiandong",
]

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), mean, max: s.at(-1) }
}
const ms = (v) => (v === undefined ? "—" : `${v.toFixed(0)} ms`)

// ---------------------------------------------------------------- the stack, with its instruments
function startProcess(script, env, logFile) {
  const out = fs.openSync(logFile, "a")
  return spawn(process.execPath, [script], { cwd: repoDir, env, stdio: ["ignore", out, out], detached: true })
}
async function stopProcess(child) {
  if (!child || child.exitCode !== null) return
  const exited = new Promise((r) => child.once("exit", r))
  child.kill("SIGTERM")
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
  }, 20_000)
  await exited
  clearTimeout(timer)
}
async function waitFor(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: exited early:\n${fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n")}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (log: ${logFile})`)
}

/** Forwards to the backend, recording method, path (ids replaced), status and time of each request. */
function countingProxy(targetPort, records) {
  const agent = new http.Agent({ keepAlive: true })
  const server = http.createServer((req, res) => {
    const started = performance.now()
    const upstream = http.request(
      { host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.on("end", () =>
          records.push({
            step: `${req.method} ${req.url.split("?")[0].replace(/\/(cart|order|pay_col|ppt|pcyc|variant|prod|cus)_[0-9A-Za-z]+/g, "/:$1")}`,
            status: answer.statusCode,
            ms: performance.now() - started,
          })
        )
      }
    )
    upstream.on("error", () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)))
}

async function startStack() {
  const pgHelpers = await import(path.join(repoDir, "backend/scripts/postgres.mjs"))
  const pg = await pgHelpers.testPostgresServer()
  const { migrationUrl, databaseUrl } = await pgHelpers.createTestDatabase(
    pg.serverUrl,
    `lianxin_bench_${crypto.randomBytes(4).toString("hex")}`
  )
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-bench-checkout-"))
  const [backendPort, storefrontPort, countPort, meiliPort] = await Promise.all(
    [1, 2, 3, 4].map(() => pgHelpers.freePort())
  )
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const keyFile = path.join(dataDir, "publishable-key")
  const records = []
  const proxy = await countingProxy(backendPort, records)
  const proxyUrl = `http://127.0.0.1:${proxy.address().port}`
  const common = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATION_URL: migrationUrl,
    LIANXIN_DATA_DIR: dataDir,
    LIANXIN_PUBLISHABLE_KEY_FILE: keyFile,
    LIANXIN_MEILI_PORT: String(meiliPort),
  }
  delete common.REDIS_URL
  const backendLog = path.join(dataDir, "backend.log")
  const storefrontLog = path.join(dataDir, "storefront.log")
  const backend = startProcess(
    "backend/scripts/start.mjs",
    {
      ...common,
      PORT: String(backendPort),
      MEDUSA_BACKEND_URL: backendUrl,
      LIANXIN_SEED_SCENARIO: "demo",
      STORE_CORS: storefrontUrl,
      LIANXIN_PG_COUNT_PORT: String(countPort),
      ...(PROFILE ? { LIANXIN_PG_COUNT_TEXTS: "1" } : {}),
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(repoDir, "bench/support/pg-count.cjs")}`.trim(),
    },
    backendLog
  )
  let storefront
  const stop = async () => {
    await stopProcess(storefront)
    await stopProcess(backend)
    proxy.close()
    await pgHelpers.dropDatabase(migrationUrl).catch(() => {})
    await pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const started = Date.now()
    await waitFor(`${backendUrl}/health`, backend, backendLog, 600_000)
    // The storefront talks to the backend through the counting proxy.
    storefront = startProcess(
      "storefront/scripts/start.mjs",
      { ...common, PORT: String(storefrontPort), MEDUSA_BACKEND_URL: proxyUrl },
      storefrontLog
    )
    await waitFor(`${storefrontUrl}/`, storefront, storefrontLog, 180_000)
    console.log(`stack up in ${((Date.now() - started) / 1000).toFixed(0)} s (demo scenario, fresh database, no Redis)`)
  } catch (error) {
    await stop()
    throw error
  }
  const statements = async () => (await (await fetch(`http://127.0.0.1:${countPort}/`)).json()).statements
  const texts = async (what = "texts") => new Map(await (await fetch(`http://127.0.0.1:${countPort}/${what}`)).json())
  return { backendUrl, storefrontUrl, key: fs.readFileSync(keyFile, "utf8").trim(), records, statements, texts, stop }
}

// ---------------------------------------------------------------- one resident's checkout
function cookieOf(response, name) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";")
    if (pair.startsWith(`${name}=`)) return pair
  }
  return null
}

async function run(stack) {
  const store = async (method, url, body) => {
    const res = await fetch(`${stack.backendUrl}${url}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": stack.key },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await res.json().catch(() => null)
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(data).slice(0, 300)}`)
    return data
  }
  const { pickup_points: points } = await store("GET", "/store/pickup-points?limit=10")
  const { products } = await store(
    "GET",
    `/store/products?handle[]=${HANDLES.join("&handle[]=")}&fields=id,handle,variants.id&limit=10`
  )
  const variants = products.map((p) => p.variants[0].id)
  const { regions } = await store("GET", "/store/regions")
  const regionId = regions.find((r) => r.currency_code === "cny").id
  const choose = async (i) => {
    const point = points[i % points.length]
    const { order_cycles } = await store("GET", `/store/pickup-points/${point.id}/cycles`)
    return { pointId: point.id, cycleId: order_cycles[0].id, variantId: variants[i % variants.length] }
  }

  /** The storefront's submit, as a phone without JavaScript posts it. */
  async function viaStorefront(i) {
    const { pointId, cycleId, variantId } = await choose(i)
    const compound = `lx_compound=${pointId}`
    const added = await fetch(`${stack.storefrontUrl}/products/${HANDLES[i % HANDLES.length]}`, {
      method: "POST",
      headers: { cookie: compound, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "add", variantId, quantity: "1" }),
      redirect: "manual",
    })
    const session = cookieOf(added, "lx_session")
    if (!session) throw new Error(`add to cart answered ${added.status} without a session`)
    const mark = stack.records.length
    const before = await stack.statements()
    const started = performance.now()
    const submitted = await fetch(`${stack.storefrontUrl}/checkout`, {
      method: "POST",
      headers: { cookie: `${compound}; ${session}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "陈小梅", mobile: "13900139000", cycleId, payment: "pickup" }),
      redirect: "manual",
    })
    const took = performance.now() - started
    const location = submitted.headers.get("location") ?? ""
    if (submitted.status !== 303 || !/\/orders\/order_/.test(location)) {
      throw new Error(
        `checkout ${i} answered ${submitted.status} ${location} ${(await submitted.text()).slice(0, 300)}`
      )
    }
    return { took, calls: stack.records.slice(mark), statements: (await stack.statements()) - before }
  }

  /** The same cart prepared through the store API; then only the completion is timed. */
  async function completionAlone(i) {
    const { pointId, cycleId, variantId } = await choose(i)
    const { cart } = await store("POST", "/store/carts?fields=id", {
      region_id: regionId,
      items: [{ variant_id: variantId, quantity: 1 }],
      shipping_address: {
        first_name: "小梅",
        last_name: "陈",
        phone: "13900139000",
        address_1: "物业服务中心",
        city: "杭州市",
        country_code: "cn",
      },
    })
    // A guest's email goes on the cart afterwards (a new cart takes none without a signed-in customer, decision 015).
    await store("POST", `/store/carts/${cart.id}?fields=id`, { email: `bench-${i}@bench.test` })
    await store("POST", `/store/carts/${cart.id}/pickup`, { pickup_point_id: pointId, order_cycle_id: cycleId })
    const { shipping_options } = await store("GET", `/store/shipping-options?cart_id=${cart.id}&fields=id`)
    await store("POST", `/store/carts/${cart.id}/shipping-methods?fields=id`, { option_id: shipping_options[0].id })
    const { payment_collection } = await store("POST", "/store/payment-collections?fields=id", { cart_id: cart.id })
    await store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions?fields=id`, {
      provider_id: "pp_system_default",
    })
    const before = await stack.statements()
    const started = performance.now()
    const done = await store("POST", `/store/carts/${cart.id}/complete?fields=id`, {})
    const took = performance.now() - started
    if (done.type !== "order") throw new Error(`completion ${i}: ${JSON.stringify(done).slice(0, 300)}`)
    return { took, statements: (await stack.statements()) - before }
  }

  for (let i = 0; i < WARMUP; i++) {
    await viaStorefront(1000 + i)
    await completionAlone(2000 + i)
  }
  const submits = []
  const completions = []
  const load = [os.loadavg()[0]]
  for (let i = 0; i < N; i++) {
    submits.push(await viaStorefront(i))
    completions.push(await completionAlone(i))
  }
  load.push(os.loadavg()[0])

  let profile = null
  let sites = null
  if (PROFILE) {
    const [before, sitesBefore] = [await stack.texts(), await stack.texts("sites")]
    await viaStorefront(4000)
    const [after, sitesAfter] = [await stack.texts(), await stack.texts("sites")]
    const since = (now, then) =>
      [...now]
        .map(([text, count]) => [text, count - (then.get(text) ?? 0)])
        .filter(([, count]) => count > 0)
        .sort((a, b) => b[1] - a[1])
    profile = since(after, before)
    sites = since(sitesAfter, sitesBefore)
  }

  const submit = stats(submits.map((s) => s.took))
  const requests = stats(submits.map((s) => s.calls.length))
  const submitSql = stats(submits.map((s) => s.statements))
  const completion = stats(completions.map((c) => c.took))
  const completionSql = stats(completions.map((c) => c.statements))
  const bySteps = new Map()
  for (const s of submits) {
    for (const call of s.calls) bySteps.set(call.step, [...(bySteps.get(call.step) ?? []), call.ms])
  }

  console.log(
    `\nmachine: ${os.cpus().length} cores, 1-min load average ${load[0].toFixed(1)} → ${load[1].toFixed(1)} (other work inflates every figure)`
  )
  console.log(`storefront submit (POST /checkout → 303 to the order, pay at pickup), n=${submit.n}:`)
  console.log(
    `  p50 ${ms(submit.p50)}  p95 ${ms(submit.p95)}  mean ${ms(submit.mean)}  max ${ms(submit.max)}   (goal p95 ≤ 1000 ms)`
  )
  console.log(
    `  backend requests per submit: ${requests.mean.toFixed(1)} (max ${requests.max}); SQL statements per submit: mean ${submitSql.mean.toFixed(0)}, p95 ${submitSql.p95}`
  )
  console.log("  backend requests of one submit, in order, with p50 / p95 over all submits:")
  for (const call of submits[0].calls) {
    const s = stats(bySteps.get(call.step) ?? [])
    console.log(`    ${call.step.padEnd(58)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)}`)
  }
  console.log(`backend cart completion alone (POST /store/carts/:id/complete, prepared cart), n=${completion.n}:`)
  console.log(
    `  p50 ${ms(completion.p50)}  p95 ${ms(completion.p95)}  mean ${ms(completion.mean)}  max ${ms(completion.max)}   (goal p95 ≤ 400 ms)`
  )
  console.log(`  SQL statements per completion: mean ${completionSql.mean.toFixed(0)}, p95 ${completionSql.p95}`)
  if (profile) {
    const total = profile.reduce((a, [, c]) => a + c, 0)
    console.log(
      `one more submit, its ${total} SQL statements by text (${profile.length} distinct), the 40 most repeated:`
    )
    for (const [text, count] of profile.slice(0, 40))
      console.log(`  ${String(count).padStart(4)}  ${text.slice(0, 200)}`)
    console.log('the same statements by the workflow step that sent them (innermost; "(no step)": outside any step):')
    for (const [where, count] of sites) console.log(`  ${String(count).padStart(4)}  ${where}`)
  }
  if (JSON_OUT) {
    const steps = Object.fromEntries([...bySteps].map(([k, v]) => [k, stats(v)]))
    fs.writeFileSync(
      JSON_OUT,
      JSON.stringify({ load, submit, requests, submitSql, completion, completionSql, steps, profile, sites }, null, 2)
    )
    console.log(`figures written to ${JSON_OUT}`)
  }
}

const stack = await startStack()
let status = 1
try {
  await run(stack)
  status = 0
} catch (error) {
  console.error(error)
} finally {
  await stack.stop()
}
process.exit(status)
