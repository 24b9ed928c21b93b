import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { expect, test } from "@playwright/test"
import { type Cluster, repoDir, startCluster } from "../../scripts/cluster/cluster.mjs"
import { type Catalogue, catalogue, checkout, postRetrying, storeGet, waitFor, withDb } from "./support"

/**
 * Issue 17: the scale-out topology (two Medusa servers and a worker on one PostgreSQL, Redis and Meilisearch,
 * two storefronts, a round-robin proxy per tier: scripts/cluster/cluster.mjs), attacked. PostgreSQL and Redis are
 * the cluster's own (embedded PostgreSQL, a private redis-server), so restarting them touches nothing else.
 */
test.describe.configure({ mode: "serial" })

let cluster: Cluster
let shop: Catalogue
let dataDir: string
const placed: Array<{ cartId: string; orderId: string }> = []

const orderIdOf = (result: { status: number; body: any }) =>
  result.status === 200 ? (result.body.order?.id as string | undefined) : (result.body?.order_id as string | undefined)

/** What the database says about a set of carts: their orders, pickup places and ledger postings. */
async function audit(cartIds: string[]) {
  return withDb(cluster.env.DATABASE_URL, async (db) => {
    const orders = await db.query(
      "SELECT cart_id, order_id FROM order_cart WHERE cart_id = ANY($1) AND deleted_at IS NULL",
      [cartIds]
    )
    const assignments = await db.query(
      "SELECT cart_id, order_id, status FROM pickup_assignment WHERE cart_id = ANY($1) AND deleted_at IS NULL",
      [cartIds]
    )
    const orderIds = orders.rows.map((r) => r.order_id)
    const accruals = await db.query(
      `SELECT order_id, count(DISTINCT transaction_key)::int AS transactions
         FROM ledger_entry WHERE kind = 'accrual' AND order_id = ANY($1) GROUP BY order_id`,
      [orderIds]
    )
    const balance = await db.query(
      `SELECT count(*)::int AS unbalanced FROM (
         SELECT transaction_key FROM ledger_entry GROUP BY transaction_key
         HAVING sum(CASE WHEN direction = 'debit' THEN amount ELSE 0 END) <> sum(CASE WHEN direction = 'credit' THEN amount ELSE 0 END)
       ) t`
    )
    return {
      ordersByCart: new Map(
        cartIds.map((id) => [id, orders.rows.filter((r) => r.cart_id === id).map((r) => r.order_id)])
      ),
      assignments: assignments.rows,
      accrualTransactions: new Map(accruals.rows.map((r) => [r.order_id, r.transactions])),
      unbalancedTransactions: balance.rows[0].unbalanced as number,
    }
  })
}

test.beforeAll(async () => {
  test.setTimeout(900_000)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-cluster-"))
  const env: NodeJS.ProcessEnv = { ...process.env, LIANXIN_QUIET_HOURS: "off", LIANXIN_SMS_ADAPTER: "outbox" }
  for (const name of [
    "DATABASE_URL",
    "DATABASE_MIGRATION_URL",
    "REDIS_URL",
    "MEILISEARCH_HOST",
    "MEILISEARCH_API_KEY",
    "PORT",
  ]) {
    delete env[name]
  }
  cluster = await startCluster({
    dataDir,
    env,
    scenario: "demo",
    log: (line: string) => console.log(`[cluster] ${line}`),
  })
  shop = await catalogue(cluster.backendUrl, cluster.publishableKey)
})

test.afterAll(async () => {
  await cluster?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

test("checkouts and browsing spread over both servers and both storefronts", async () => {
  test.setTimeout(300_000)
  const results = []
  for (let round = 0; round < 3; round++) {
    results.push(...(await Promise.all([0, 1, 2, 3].map((k) => checkout(cluster.backendUrl, shop, round * 4 + k)))))
  }
  for (const r of results) {
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    placed.push({ cartId: r.cartId, orderId: orderIdOf(r)! })
  }
  const servedBy = new Set(results.map((r) => r.upstream))
  expect([...servedBy].sort()).toEqual(["server-1", "server-2"])
  for (const page of ["/", "/", "/", "/"]) {
    const response = await fetch(`${cluster.storefrontUrl}${page}`)
    expect(response.status).toBe(200)
    // The proxy counts a request once the upstream's answer has ended: read it all before looking at the counts
    // (checking after the headers alone failed once in CI, 2026-12-06, with storefront-2 at 0).
    expect(await response.text()).toContain("</html>")
  }
  await expect.poll(() => cluster.counts.storefront["storefront-1"], { timeout: 5_000 }).toBeGreaterThan(0)
  await expect.poll(() => cluster.counts.storefront["storefront-2"], { timeout: 5_000 }).toBeGreaterThan(0)
  // The worker consumed the servers' order.placed events: every order accrued, once.
  await waitFor("accruals of the first orders", async () => {
    const a = await audit(placed.map((p) => p.cartId))
    return placed.every((p) => a.accrualTransactions.get(p.orderId) === 1) && a
  })
})

test("a server killed in the middle of checkouts: every resident ends with exactly one order, no place left reserved", async () => {
  test.setTimeout(400_000)
  let finished = 0
  let sent = 0
  let threeSent: () => void = () => {}
  const checkoutsUnderWay = new Promise<void>((resolve) => {
    threeSent = resolve
  })
  const running = Promise.all(
    Array.from({ length: 10 }, (_, k) =>
      checkout(cluster.backendUrl, shop, 100 + k, {
        beforeCheckout: () => {
          if (++sent === 3) threeSent()
        },
      }).finally(() => finished++)
    )
  )
  // Kill while checkout requests (each one workflow: reservation, order, pickup code) are being served.
  await checkoutsUnderWay
  await new Promise((r) => setTimeout(r, 300))
  await cluster.kill("server-1")
  const unfinishedAtKill = 10 - finished
  // Really gone: its port refuses connections (not a script killed with its server still answering).
  const server1 = cluster.parts().find((p) => p.name === "server-1")!
  await expect(fetch(`${server1.url}/health`, { signal: AbortSignal.timeout(3_000) })).rejects.toThrow()
  const results = await running
  // The kill must have landed while checkouts were under way, or this test proves nothing.
  expect(unfinishedAtKill).toBeGreaterThan(0)
  console.log(
    `killed server-1 with ${unfinishedAtKill} of 10 checkouts unfinished; ${sent} checkout requests sent by then; checkouts that retried a step: ${results.filter((r) => r.tries > 3).length}; answers ${results.map((r) => r.history.join(">")).join(" ")}`
  )
  const carts = results.map((r) => r.cartId)
  for (const r of results) {
    // Either the order, or (the first try placed it, its answer was lost) the refusal naming the order.
    expect([200, 409], JSON.stringify(r.body)).toContain(r.status)
    if (r.status === 409) expect(r.body.code).toBe("cart_completed")
    expect(orderIdOf(r), `cart ${r.cartId}: ${r.history.join(",")}`).toMatch(/^order_/)
  }
  const a = await audit(carts)
  for (const r of results) {
    expect(a.ordersByCart.get(r.cartId)).toEqual([orderIdOf(r)])
  }
  expect(a.assignments.filter((x) => x.status === "reserved")).toEqual([])
  expect(a.assignments.filter((x) => x.status === "placed")).toHaveLength(carts.length)
  for (const r of results) placed.push({ cartId: r.cartId, orderId: orderIdOf(r)! })
  await cluster.restart("server-1")
  const after = await checkout(cluster.backendUrl, shop, 150)
  expect(after.status).toBe(200)
  placed.push({ cartId: after.cartId, orderId: orderIdOf(after)! })
})

test("the worker killed while events are queued: after its restart every order is accrued once and the ledger balances", async () => {
  test.setTimeout(400_000)
  await cluster.kill("worker")
  const worker = cluster.parts().find((p) => p.name === "worker")!
  await expect(fetch(`${worker.url}/health`, { signal: AbortSignal.timeout(3_000) })).rejects.toThrow()
  const results = await Promise.all(Array.from({ length: 6 }, (_, k) => checkout(cluster.backendUrl, shop, 200 + k)))
  for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200)
  const orderIds = results.map((r) => orderIdOf(r)!)
  // Without the worker nothing consumes the queue: none of these orders is accrued yet.
  const before = await audit(results.map((r) => r.cartId))
  expect(orderIds.filter((id) => before.accrualTransactions.has(id))).toEqual([])
  await cluster.restart("worker")
  for (const r of results) placed.push({ cartId: r.cartId, orderId: orderIdOf(r)! })
  const a = await waitFor(
    "accruals after the worker's restart",
    async () => {
      const x = await audit(placed.map((p) => p.cartId))
      return placed.every((p) => x.accrualTransactions.has(p.orderId)) && x
    },
    180_000
  )
  for (const p of placed) expect(a.accrualTransactions.get(p.orderId), p.orderId).toBe(1)
  expect(a.unbalancedTransactions).toBe(0)
  // And every resident's order notice of those orders, once each, as for the orders placed while the worker ran.
  const notices = await waitFor(
    "the order notices after the worker's restart",
    async () => {
      const n = await orderNotices(placed.map((p) => p.orderId))
      return orderIds.every((id) => (n.get(id)?.length ?? 0) > 0 && n.get(id)!.every((m) => m.status === "sent")) && n
    },
    180_000
  )
  const shape = (id: string) =>
    notices
      .get(id)!
      .map((m) => `${m.channel}:${m.recipient_type}`)
      .sort()
  const whileRunning = shape(placed[0]!.orderId)
  expect(whileRunning.length).toBeGreaterThan(0)
  for (const id of orderIds) expect(shape(id), id).toEqual(whileRunning)
})

/** The order_placed notices of these orders, per order (channel, recipient, status). */
async function orderNotices(orderIds: string[]) {
  return withDb(cluster.env.DATABASE_URL, async (db) => {
    const { rows } = await db.query(
      `SELECT resource_id, channel, recipient_type, status FROM notify_message
        WHERE event = 'order.placed' AND resource_id = ANY($1) AND deleted_at IS NULL`,
      [orderIds]
    )
    const byOrder = new Map<string, Array<{ channel: string; recipient_type: string; status: string }>>()
    for (const r of rows) byOrder.set(r.resource_id, [...(byOrder.get(r.resource_id) ?? []), r])
    return byOrder
  })
}

/** After a restart of a shared service: a checkout goes through (retried while connections come back) and is accrued once. */
async function checkoutAccruedAfter(what: string, index: number) {
  const r = await waitFor(
    `a checkout after ${what} came back`,
    async () => {
      const x = await checkout(cluster.backendUrl, shop, index)
      return x.status === 200 && x
    },
    120_000
  )
  await waitFor(
    "its accrual",
    async () => (await audit([r.cartId])).accrualTransactions.get(orderIdOf(r)!) === 1,
    120_000
  )
}

/** How many lines the backend parts have logged so far, to read only what a fault adds. */
function logLengths(): Map<string, number> {
  return new Map(
    ["server-1", "server-2", "worker"].map((name) => [
      name,
      fs.existsSync(cluster.logFile(name)) ? fs.readFileSync(cluster.logFile(name), "utf8").split("\n").length : 0,
    ])
  )
}
/** The lines the backend parts logged since `from` that match `pattern`, prefixed with the part's name. */
function loggedSince(from: Map<string, number>, pattern: RegExp): string[] {
  return [...from].flatMap(([name, start]) =>
    fs
      .readFileSync(cluster.logFile(name), "utf8")
      .split("\n")
      .slice(start)
      .filter((line) => pattern.test(line))
      .map((line) => `${name}: ${line.slice(0, 200)}`)
  )
}

test("Redis restarted: checkouts and their accruals go on without a manual step, and the logs say what happened", async () => {
  test.setTimeout(300_000)
  const before = logLengths()
  await cluster.redis!.stop()
  await cluster.redis!.start()
  await checkoutAccruedAfter("Redis", 300)
  const { body } = await storeGet(cluster.backendUrl, cluster.publishableKey, "/store/pickup-points")
  expect(body).toBeTruthy()
  const told = loggedSince(before, /redis/i)
  console.log(`what the backends logged about Redis:\n${told.slice(0, 12).join("\n")}`)
  expect(told.length).toBeGreaterThan(0)
})

test("PostgreSQL restarted: checkouts go on without a manual step, and the logs say what happened", async () => {
  test.setTimeout(300_000)
  const before = logLengths()
  await cluster.postgres!.stop()
  await cluster.postgres!.start()
  await checkoutAccruedAfter("PostgreSQL", 400)
  const told = loggedSince(before, /ECONNREFUSED|terminat|connection|database system is shutting down|57P01/i)
  console.log(`what the backends logged about PostgreSQL:\n${told.slice(0, 12).join("\n")}`)
  expect(told.length).toBeGreaterThan(0)
})

/** The cron jobs of the plugin (each file in src/jobs whose schedule can be set), read from the source. */
function cronJobs(): string[] {
  const dir = path.join(repoDir, "plugins/lianxin/src/jobs")
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => /scheduledJob\("([a-z0-9-]+)", "/.exec(fs.readFileSync(path.join(dir, f), "utf8"))?.[1])
    .filter((name): name is string => Boolean(name))
    .sort()
}

/** Every claimed tick since `since`, per job, with who ran it and how it ended. */
async function jobRuns(since: Date) {
  return withDb(cluster.env.DATABASE_URL, async (db) => {
    const { rows } = await db.query(
      `SELECT job, scheduled_for, runner, outcome, error FROM job_run WHERE scheduled_for >= $1 ORDER BY job, scheduled_for`,
      [since]
    )
    const byJob = new Map<string, typeof rows>()
    for (const row of rows) byJob.set(row.job, [...(byJob.get(row.job) ?? []), row])
    return byJob
  })
}

/** The lines of both workers' logs that contain `text`. */
function workerLogLines(text: string): string[] {
  return ["worker", "worker-2"].flatMap((name) =>
    fs.existsSync(cluster.logFile(name))
      ? fs
          .readFileSync(cluster.logFile(name), "utf8")
          .split("\n")
          .filter((line) => line.includes(text))
      : []
  )
}
/** A tick handed to a process after another had claimed it. */
const duplicateDeliveries = () => workerLogLines("already claimed by")
/** Job schedules found missing from Redis and registered again. */
const restoredSchedules = () => workerLogLines("job schedules were missing from Redis")

/** Empties the cluster's Redis, as a failover to an empty replica would (RESP over a socket: no client library). */
async function flushRedis(port: number) {
  const net = await import("node:net")
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write("FLUSHALL\r\n"))
    socket.once("data", (data) => {
      socket.end()
      data.toString().startsWith("+OK") ? resolve() : reject(new Error(`FLUSHALL: ${data}`))
    })
    socket.once("error", reject)
  })
}

test("two workers: each scheduled job runs exactly once per tick, never on a server, and comes back after Redis is emptied", async () => {
  test.setTimeout(720_000)
  const jobs = cronJobs()
  expect(jobs.length).toBeGreaterThanOrEqual(10)
  // Every job each minute, so a few minutes show every job's ticks; a second worker competes for each of them.
  const everyMinute = { LIANXIN_JOB_SCHEDULES: JSON.stringify(Object.fromEntries(jobs.map((j) => [j, "* * * * *"]))) }
  await cluster.restart("worker", everyMinute)
  await cluster.addBackend("worker-2", "worker", everyMinute)
  const since = new Date(Math.ceil(Date.now() / 60_000) * 60_000)
  const runs = await waitFor(
    "two ticks of every job",
    async () => {
      const byJob = await jobRuns(since)
      return jobs.every((j) => (byJob.get(j)?.filter((r) => r.outcome !== "running").length ?? 0) >= 2) && byJob
    },
    300_000
  )
  const runners = new Map<string, number>()
  for (const job of jobs) {
    const ticks = runs.get(job)!.filter((r) => r.outcome !== "running")
    // Each minute once: consecutive ticks one minute apart (none skipped, none twice: a tick is one row).
    for (let k = 1; k < ticks.length; k++) {
      expect(new Date(ticks[k].scheduled_for).getTime() - new Date(ticks[k - 1].scheduled_for).getTime(), job).toBe(
        60_000
      )
    }
    for (const tick of ticks) {
      expect({ job, outcome: tick.outcome, error: tick.error }).toEqual({ job, outcome: "done", error: null })
      expect(["worker", "worker-2"], `${job} ran on ${tick.runner}`).toContain(tick.runner)
      runners.set(tick.runner, (runners.get(tick.runner) ?? 0) + 1)
    }
  }
  // Medusa's scheduler handed each tick to one worker: no process was handed a tick another had claimed.
  expect(duplicateDeliveries()).toEqual([])
  console.log(`ticks run per worker: ${JSON.stringify(Object.fromEntries(runners))} over ${jobs.length} jobs`)

  // Redis comes back empty: the schedules are registered again within a minute or two, without a restart. (Until
  // now every schedule was where it belongs: no worker has had to put one back.)
  expect(restoredSchedules()).toEqual([])
  await flushRedis(cluster.redis!.port)
  const flushedAt = new Date()
  await waitFor(
    "job ticks after Redis was emptied",
    async () => {
      const byJob = await jobRuns(flushedAt)
      return ["notify-deliver", "search-outbox-drain"].every((j) => (byJob.get(j)?.length ?? 0) >= 1)
    },
    240_000
  )
  expect(restoredSchedules().length).toBeGreaterThan(0)
  // And the shop still takes orders, accrued once.
  await checkoutAccruedAfter("Redis was emptied", 500)
})

/** A call of the staff counter API with a bearer token, through the backend proxy; the answer names its server. */
async function staffCall(token: string | null, method: "GET" | "POST", route: string, body?: unknown) {
  const response = await fetch(`${cluster.backendUrl}${route}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    upstream: response.headers.get("x-lianxin-upstream"),
  }
}

test("counter work spreads over both servers: staff list produce and hand orders over, each once", async () => {
  test.setTimeout(300_000)
  const login = await staffCall(null, "POST", "/auth/pickup_staff/emailpass", {
    email: "staff.jinxiu@lianxin.local",
    password: "lianxin-staff-2026",
  })
  expect(login.status, JSON.stringify(login.body)).toBe(200)
  const token = login.body.token as string
  const me = await staffCall(token, "GET", "/pickup-staff/me")
  const point = me.body.points[0].id as string
  const upstreams = new Set<string | null>()

  // Four listings on behalf of a household, each sent once, alternating servers.
  const household = (await staffCall(token, "GET", "/pickup-staff/households?limit=1")).body.households[0].id
  const category = (await staffCall(token, "GET", "/pickup-staff/categories")).body.categories[0].id
  const run = Date.now().toString(36)
  const titles = [0, 1, 2, 3].map((k) => `集群上架${run}-${k}`)
  for (const [k, title] of titles.entries()) {
    const listed = await staffCall(token, "POST", "/pickup-staff/listings", {
      household_id: household,
      title,
      description: "两台服务器轮流接待的代上架。",
      category_id: category,
      price_fen: 1280 + k,
      unit_label: "斤",
      stock: 20,
      perishability: "ambient",
      image_urls: [`${cluster.backendUrl}/static/cluster-${k}.jpg`],
      harvest: {
        harvested_on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        quantity: 20,
        quantity_unit: "斤",
        certificate_no: `HGZ-${run}-${k}`,
        certificate_photo_url: `${cluster.backendUrl}/static/cert-${k}.jpg`,
      },
      idempotency_key: `cluster-${run}-${k}`,
    })
    expect(listed.status, JSON.stringify(listed.body)).toBeLessThan(300)
    upstreams.add(listed.upstream)
  }
  const listings = await withDb(cluster.env.DATABASE_URL, (db) =>
    db.query("SELECT title, count(*)::int AS n FROM listing WHERE title = ANY($1) GROUP BY title", [titles])
  )
  expect(listings.rows.map((r) => [r.title, r.n]).sort()).toEqual(titles.map((t) => [t, 1]))

  // Four residents order for this counter; the batch arrives and is checked in; each order is handed over once.
  const here = { ...shop, points: [point] }
  const orders: Array<{ orderId: string; code: string }> = []
  for (let k = 0; k < 4; k++) {
    const r = await checkout(cluster.backendUrl, here, 600 + k)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const orderId = orderIdOf(r)!
    const code = await postRetrying(`${cluster.backendUrl}/store/pickup-orders/${orderId}/code`, shop.key, {
      cart_id: r.cartId,
    })
    expect(code.status, JSON.stringify(code.body)).toBe(201)
    orders.push({ orderId, code: code.body.pickup_code.code as string })
  }
  const assignments = await withDb(
    cluster.env.DATABASE_URL,
    async (db) =>
      (
        await db.query("SELECT id, order_id, batch_id FROM pickup_assignment WHERE order_id = ANY($1)", [
          orders.map((o) => o.orderId),
        ])
      ).rows
  )
  const batches = [...new Set(assignments.map((a) => a.batch_id))]
  for (const batch of batches) {
    const arrived = await staffCall(token, "POST", `/pickup-staff/batches/${batch}/arrive`, {})
    expect(arrived.status, JSON.stringify(arrived.body)).toBeLessThan(300)
    const checked = await staffCall(token, "POST", `/pickup-staff/batches/${batch}/check-in`, { shortages: [] })
    expect(checked.status, JSON.stringify(checked.body)).toBeLessThan(300)
    upstreams.add(arrived.upstream).add(checked.upstream)
  }
  for (const o of orders) {
    const a = assignments.find((x) => x.order_id === o.orderId)!
    const handed = await staffCall(token, "POST", `/pickup-staff/assignments/${a.id}/handover`, { code: o.code })
    expect(handed.status, JSON.stringify(handed.body)).toBe(200)
    upstreams.add(handed.upstream)
    // The same code again (a double tap reaching the other server): refused, nothing handed over twice.
    const again = await staffCall(token, "POST", `/pickup-staff/assignments/${a.id}/handover`, { code: o.code })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)
  }
  expect([...upstreams].sort()).toEqual(["server-1", "server-2"])
  const handovers = await withDb(
    cluster.env.DATABASE_URL,
    async (db) =>
      (
        await db.query(
          `SELECT a.status, count(h.id)::int AS handovers FROM pickup_assignment a
           LEFT JOIN pickup_handover h ON h.assignment_id = a.id AND h.deleted_at IS NULL
          WHERE a.order_id = ANY($1) GROUP BY a.id, a.status`,
          [orders.map((o) => o.orderId)]
        )
      ).rows
  )
  expect(handovers).toEqual(orders.map(() => ({ status: "collected", handovers: 1 })))
})
