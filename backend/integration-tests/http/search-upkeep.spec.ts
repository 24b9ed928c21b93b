import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { DEMO_HISTORY, DEMO_PUBLISHED_PRODUCTS, seed } from "@lianxin/seed"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { freePort } from "../../scripts/postgres.mjs"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { startMeilisearch } from "../../scripts/meilisearch.mjs"
import { placeOrder, variantIdByHandle } from "../helpers/checkout"
import { trackSubscribers, until } from "../helpers/wait"

/**
 * What keeps the product index right between the big changes search.spec.ts
 * covers: units sold for the best-selling sort (orders placed and canceled),
 * garbage queries that must stay empty, and one rebuild at a time.
 */

// The app loads the plugin with Node's require: use those same module instances.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const nightlyReindex = nodeRequire("@lianxin/plugin/jobs/search-reindex-nightly").default

const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-search-upkeep-"))
const masterKey = crypto.randomBytes(24).toString("hex")
const meili = await startMeilisearch({ dataDir: meiliDir, port: await freePort(), masterKey })
process.env.MEILISEARCH_HOST = meili.host
process.env.MEILISEARCH_API_KEY = masterKey
process.env.MEILISEARCH_INDEX_PREFIX = "upkeep"
afterAll(async () => {
  await meili.stop()
  fs.rmSync(meiliDir, { recursive: true, force: true })
})

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const last = await until(read, ok, ms)
  if (!ok(last)) throw new Error(`not reached within ${ms} ms; last read: ${JSON.stringify(last).slice(0, 800)}`)
  return last
}

async function meili_(pathname: string, body?: unknown) {
  const res = await fetch(`${meili.host}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${masterKey}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return res.json() as Promise<any>
}

type Knex = {
  raw(sql: string, bindings?: unknown[]): Promise<{ rows: any[] }>
  transaction(): Promise<Knex & { rollback(): Promise<void> }>
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let subscribers: ReturnType<typeof trackSubscribers>
    const search = async (params: Record<string, string>) =>
      (
        await api.get(`/store/lianxin/search?${new URLSearchParams(params)}`, {
          headers: { "x-publishable-api-key": publishableKey },
        })
      ).data
    const handles = (answer: { products: { handle: string }[] }) => answer.products.map((p) => p.handle)

    /** sold_count of every document of the live index version, by handle. */
    const soldInIndex = async (): Promise<Record<string, number>> => {
      const live = await wf.activeProductIndex(getContainer())
      const docs = await meili_(`/indexes/${live.physical_name}/documents/fetch`, {
        limit: 1000,
        fields: ["handle", "sold_count"],
      })
      return Object.fromEntries(
        docs.results.map((d: { handle: string; sold_count: number }) => [d.handle, d.sold_count])
      )
    }

    beforeAll(async () => {
      const container = getContainer()
      subscribers = trackSubscribers(container)
      publishableKey = (await seed(container, "demo")).publishableKey
      await eventually(
        () => search({ q: "", limit: "48" }),
        (a) => a.engine === "meilisearch" && a.count === DEMO_PUBLISHED_PRODUCTS,
        60_000
      )
      await subscribers.idle(120_000)
    }, 600_000)

    it("counts units sold for the best-selling sort, and follows orders placed and canceled", {
      timeout: 300_000,
    }, async () => {
      const container = getContainer()
      // The demo's order history, from the seed data (not from the code under test).
      const expected: Record<string, number> = {}
      for (const order of DEMO_HISTORY.orders) {
        for (const [handle, quantity] of order) expected[handle] = (expected[handle] ?? 0) + quantity
      }
      expect(expected["fuji-apple-luochuan"]).toBe(3)
      const before = await eventually(soldInIndex, (s) => s["fuji-apple-luochuan"] === 3)
      for (const [handle, sold] of Object.entries(before)) expect(sold, handle).toBe(expected[handle] ?? 0)

      const top = Math.max(...Object.values(before))
      const bestBefore = handles(await search({ q: "", sort: "best_selling", limit: "48" }))
      expect(before[bestBefore[0]]).toBe(top)
      expect(before["stone-ground-corn-grits-luochuan"]).toBe(0)
      expect(bestBefore.indexOf("stone-ground-corn-grits-luochuan")).toBeGreaterThan(0)

      // A resident buys more corn grits than anything ever sold: it goes first.
      const corn = await variantIdByHandle(api, publishableKey, "stone-ground-corn-grits-luochuan")
      const order = await placeOrder(api, publishableKey, [{ variant_id: corn, quantity: top + 1 }], {
        email: "best-selling@upkeep.test",
      })
      const after = await eventually(
        () => search({ q: "", sort: "best_selling", limit: "48" }),
        (a) => handles(a)[0] === "stone-ground-corn-grits-luochuan"
      )
      expect(handles(after)[0]).toBe("stone-ground-corn-grits-luochuan")
      expect((await soldInIndex())["stone-ground-corn-grits-luochuan"]).toBe(top + 1)
      // Relevance still comes first for a query: the sort orders only what matches.
      expect(handles(await search({ q: "苹果", sort: "best_selling" }))).not.toContain(
        "stone-ground-corn-grits-luochuan"
      )

      // Canceled: its units no longer count.
      await cancelOrderWorkflow(container).run({ input: { order_id: order.id } })
      await eventually(soldInIndex, (s) => s["stone-ground-corn-grits-luochuan"] === 0)
      const back = handles(await search({ q: "", sort: "best_selling", limit: "48" }))
      expect(back[0]).not.toBe("stone-ground-corn-grits-luochuan")
      expect(before[back[0]]).toBe(top)
      await subscribers.idle(60_000)
    })

    it("keeps an empty answer empty for garbage, without retrying it into unrelated products or logging", async () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >
      const calls: unknown[][] = []
      const spies = ["warn", "error", "info"].map((level) =>
        vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
          calls.push([level, ...args])
        })
      )
      try {
        // 苹果 alone finds apples; a word nothing has must not be dropped by the pinyin retry.
        expect(handles(await search({ q: "苹果" }))).toContain("fuji-apple-luochuan")
        for (const q of ["苹果 xyzqw", "鑫垚淼焱", "zzzzqqq", "飞机票", "手机 苹果", "苹果 手机"]) {
          const answer = await search({ q })
          expect(answer.engine, q).toBe("meilisearch")
          expect({ q, count: answer.count, products: handles(answer) }).toEqual({ q, count: 0, products: [] })
          expect(answer.retried_with, q).toBeUndefined()
        }
        // A real homophone typo still finds what was meant.
        expect(handles(await search({ q: "平果" }))).toContain("fuji-apple-luochuan")
      } finally {
        for (const spy of spies) spy.mockRestore()
      }
      expect(calls.filter((c) => String(c[1]).includes("[search]"))).toEqual([])
    })

    it("runs one rebuild at a time across processes: the second says it is already running, or waits with `wait`", {
      timeout: 300_000,
    }, async () => {
      const container = getContainer()
      // Two at once in this process: exactly one builds, the other changes nothing.
      const before = await wf.activeProductIndex(container)
      const both = await Promise.allSettled([wf.reindexProductSearch(container), wf.reindexProductSearch(container)])
      const done = both.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
      const refused = both.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(done).toHaveLength(1)
      expect(refused).toHaveLength(1)
      expect(refused[0].reason).toBeInstanceOf(wf.ReindexAlreadyRunning)
      expect(refused[0].reason.message).toMatch(/already running/)
      expect(done[0].value.after.version).toBe(before.version + 1)

      // Another process (another PostgreSQL session: `npm run reindex`, the worker's nightly job) holds the lock.
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
      const other = await knex.transaction()
      try {
        await other.raw("SELECT pg_advisory_xact_lock(?, ?)", [...wf.REINDEX_LOCK])
        const otherPid = Number((await other.raw("SELECT pg_backend_pid() AS pid")).rows[0].pid)
        const refusal = await wf.reindexProductSearch(container).catch((e: Error) => e)
        expect(refusal).toBeInstanceOf(wf.ReindexAlreadyRunning)
        expect(refusal.holder).toMatchObject({ pid: otherPid })
        expect(refusal.message).toContain(`PostgreSQL backend ${otherPid}`)

        // The nightly job skips with one info line instead of failing.
        const logger = container.resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<
          string,
          (...a: unknown[]) => unknown
        >
        const info = vi.spyOn(logger, "info")
        const warn = vi.spyOn(logger, "warn")
        try {
          await nightlyReindex(container)
          expect(info.mock.calls.some((c) => String(c[0]).includes("nightly reindex skipped"))).toBe(true)
          expect(warn.mock.calls.filter((c) => String(c[0]).includes("nightly reindex"))).toEqual([])
        } finally {
          info.mockRestore()
          warn.mockRestore()
        }
        expect((await wf.activeProductIndex(container)).version).toBe(before.version + 1)

        // With `wait` it queues behind the holder and builds once the lock is free.
        let finished = false
        const waiting = wf.reindexProductSearch(container, { wait: true }).then((r: any) => {
          finished = true
          return r
        })
        await eventually(
          async () =>
            (
              await knex.raw(
                "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = ? AND objid = ?",
                [...wf.REINDEX_LOCK]
              )
            ).rows[0].n,
          (n) => n === 1
        )
        expect(finished).toBe(false)
        await other.rollback()
        const waited = await waiting
        expect(waited.after.version).toBe(before.version + 2)
      } finally {
        await other.rollback().catch(() => {})
      }
      expect(handles(await search({ q: "苹果" }))).toContain("fuji-apple-luochuan")
    })
  },
})
