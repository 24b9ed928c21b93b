import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { seed } from "@lianxin/seed"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { freePort } from "../../scripts/postgres.mjs"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { startMeilisearch } from "../../scripts/meilisearch.mjs"
import { trackSubscribers, until } from "../helpers/wait"

// The app loads the plugin with Node's require: use those same module instances.
const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const { nationalIdCheckChar } = nodeRequire("@lianxin/plugin/utils/prc-id")

// A real Meilisearch of this file, on a free port; restarted on the same data by the outage test.
const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-search-spec-"))
const meiliPort: number = await freePort()
const masterKey = crypto.randomBytes(24).toString("hex")
const startMeili = () => startMeilisearch({ dataDir: meiliDir, port: meiliPort, masterKey })
let meili = await startMeili()
process.env.MEILISEARCH_HOST = meili.host
process.env.MEILISEARCH_API_KEY = masterKey
process.env.MEILISEARCH_INDEX_PREFIX = "spec"
afterAll(async () => {
  await meili.stop()
  fs.rmSync(meiliDir, { recursive: true, force: true })
})

/** `until`, failing the test when the condition never holds (what it last read is in the message). */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const last = await until(read, ok, ms)
  if (!ok(last)) throw new Error(`not reached within ${ms} ms; last read: ${JSON.stringify(last).slice(0, 800)}`)
  return last
}

const NATIONAL_ID = "53092619780315002" + nationalIdCheckChar("53092619780315002")
const PHONE = "13987654321"
const BANK_ACCOUNT = "6222020200112233445"
const LEGAL_NAME = "杨秀英测试"

async function meiliGet(pathname: string, body?: unknown) {
  const res = await fetch(`${meili.host}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${masterKey}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return res.json() as Promise<any>
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const search = async (params: Record<string, string>) =>
      (await api.get(`/store/lianxin/search?${new URLSearchParams(params)}`, { headers })).data
    const handles = (answer: { products: { handle: string }[] }) => answer.products.map((p) => p.handle)
    const productId = async (handle: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { handle } })
      return data[0].id as string
    }

    beforeAll(async () => {
      const container = getContainer()
      const subscribers = trackSubscribers(container)
      const result = await seed(container, "demo")
      headers = { "x-publishable-api-key": result.publishableKey }
      // The app seeds the index on start (the Search Module), and the seed's own
      // product events reach it through the outbox: wait until all 24 are there.
      await eventually(
        () => search({ q: "", limit: "48" }),
        (a) => a.engine === "meilisearch" && a.count === 24,
        60_000
      )
      // Every test starts from a snapshot taken after this: no drain may be half-way through (holding leases) in it.
      await subscribers.idle(120_000)
    })

    it("finds whole words, parts of words, synonyms, pinyin, initials and traditional characters", async () => {
      expect(handles(await search({ q: "苹果" }))[0]).toBe("fuji-apple-luochuan")
      expect(handles(await search({ q: "富士" }))).toContain("fuji-apple-luochuan")
      expect(handles(await search({ q: "pingguo" }))).toContain("fuji-apple-luochuan")
      expect(handles(await search({ q: "pg" }))).toContain("fuji-apple-luochuan")
      expect(handles(await search({ q: "蘋果" }))).toContain("fuji-apple-luochuan")
      expect(handles(await search({ q: "马铃薯" }))).toContain("yellow-potato-luochuan")
      expect(handles(await search({ q: "蛋" })).sort()).toEqual([
        "courtyard-eggs-luochuan",
        "hillside-eggs-shuangjiang",
        "paddy-duck-eggs-liping",
      ])
    })

    it("does not answer 土鸡蛋 with honey (every word must match)", async () => {
      const answer = await search({ q: "土鸡蛋" })
      expect(answer.products.length).toBeGreaterThan(0)
      expect(answer.products.every((p: { category_handles: string[] }) => p.category_handles.includes("eggs"))).toBe(true)
    })

    it("retries a homophone typo with its pinyin (平果 → pingguo)", async () => {
      const answer = await search({ q: "平果" })
      expect(answer.retried_with).toBe("pingguo")
      expect(handles(answer)).toContain("fuji-apple-luochuan")
    })

    it("counts facets over the catalogue and keeps other categories' counts when one is chosen", async () => {
      const all = await search({ q: "" })
      const fruit = all.facets.category_handles.find((f: { value: string }) => f.value === "fruit")
      expect(fruit.count).toBe(4)
      const eggs = await search({ q: "", category: "eggs" })
      expect(eggs.count).toBe(3)
      expect(eggs.products.every((p: { category_handles: string[] }) => p.category_handles.includes("eggs"))).toBe(true)
      expect(eggs.facets.category_handles.find((f: { value: string }) => f.value === "fruit").count).toBe(4)
      const cheap = await search({ q: "", price: "0-20", sort: "price_asc" })
      const prices = cheap.products.map((p: { price_min_fen: number }) => p.price_min_fen)
      expect(prices.every((p: number) => p < 2000)).toBe(true)
      expect([...prices].sort((a, b) => a - b)).toEqual(prices)
    })

    it("marks the matched part of titles", async () => {
      const [first] = (await search({ q: "苹果" })).products
      expect(first.title_segments.filter((s: { hit: boolean }) => s.hit).map((s: { text: string }) => s.text).join("")).toContain("苹果")
    })

    it("answers bad input with 400 naming the field", async () => {
      for (const [param, value] of [
        ["sort", "cheapest"],
        ["limit", "1000"],
        ["price", "free"],
        ["bogus", "1"],
      ]) {
        const res = await api.get(`/store/lianxin/search?${param}=${value}`, { headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(param)
      }
    })

    it("follows create, rename, unpublish and stock-out", async () => {
      const container = getContainer()
      const id = await productId("fuji-apple-luochuan")
      await updateProductsWorkflow(container).run({ input: { selector: { id }, update: { title: "塬上红富士冰糖心苹果" } } })
      await eventually(() => search({ q: "冰糖心" }), (a) => handles(a).includes("fuji-apple-luochuan"))

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product",
        fields: ["variants.inventory_items.inventory.location_levels.id", "variants.inventory_items.inventory.location_levels.location_id", "variants.inventory_items.inventory_item_id"],
        filters: { handle: "guiqi-mango-tiandong" },
      })
      const item = (data[0] as any).variants[0].inventory_items[0]
      const level = item.inventory.location_levels[0]
      const { updateInventoryLevelsWorkflow } = nodeRequire("@medusajs/medusa/core-flows")
      await updateInventoryLevelsWorkflow(container).run({
        input: { updates: [{ inventory_item_id: item.inventory_item_id, location_id: level.location_id, stocked_quantity: 0 }] },
      })
      await eventually(
        () => search({ q: "芒果" }),
        (a) => a.products.find((p: { handle: string }) => p.handle === "guiqi-mango-tiandong")?.in_stock === false
      )
      expect(handles(await search({ q: "芒果", in_stock: "true" }))).not.toContain("guiqi-mango-tiandong")

      const pear = await productId("old-tree-pear-liping")
      await updateProductsWorkflow(container).run({ input: { selector: { id: pear }, update: { status: ProductStatus.DRAFT } } })
      await eventually(() => search({ q: "老树梨" }), (a) => a.count === 0)
    })

    it("indexes a product once it is published (a listing approved after review)", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
      const { createProductsWorkflow } = nodeRequire("@medusajs/medusa/core-flows")
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "柜台代上架土鸡蛋1140",
              handle: "office-listed-eggs-1140",
              status: ProductStatus.DRAFT,
              sales_channels: channels.map((c: { id: string }) => ({ id: c.id })),
              options: [{ title: "规格", values: ["30枚"] }],
              variants: [{ title: "30枚", manage_inventory: false, options: { 规格: "30枚" }, prices: [{ currency_code: "cny", amount: 18.8 }] }],
            },
          ],
        },
      })
      const id = result[0].id
      expect((await search({ q: "柜台代上架土鸡蛋1140" })).count).toBe(0)
      await updateProductsWorkflow(container).run({ input: { selector: { id }, update: { status: ProductStatus.PUBLISHED } } })
      await eventually(() => search({ q: "柜台代上架土鸡蛋1140" }), (a) => handles(a).includes("office-listed-eggs-1140"), 30_000)
    })

    it("never leaves a change behind a drain that read the product before it", async () => {
      const container = getContainer()
      const outbox = container.resolve("searchSync") as any
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      const row = async (id: string) => (await knex.raw("SELECT version, leased_until FROM search_outbox WHERE product_id = ? AND deleted_at IS NULL", [id])).rows[0]
      type Claim = { product_id: string; version: number }
      const mine = (claims: Claim[], id: string) => claims.filter((c) => c.product_id === id)
      const id = await productId("orah-mandarin-shuangjiang")

      await outbox.enqueue([id], "first change")
      const [a] = mine(await outbox.claim(200, 120_000), id) // drain A reads the product…
      await outbox.enqueue([id], "second change") // …and the product changes while A works
      expect(await row(id)).toMatchObject({ version: a.version + 1, leased_until: null })
      const [b] = mine(await outbox.claim(200, 120_000), id) // drain B is not blocked by A's lease
      expect(b.version).toBe(a.version + 1)

      expect(await outbox.acknowledge([b])).toBe(1) // B applied the newest version
      expect(await row(id)).toBeUndefined()
      expect(await outbox.acknowledge([a])).toBe(0) // A's write may land after B's: apply once more
      expect(await row(id)).toMatchObject({ leased_until: null })
      const [c] = mine(await outbox.claim(200, 120_000), id)
      expect(await outbox.acknowledge([c])).toBe(1)
      expect(await row(id)).toBeUndefined()
    })

    it("keeps answering from PostgreSQL while Meilisearch is down, and catches up after it is back", async () => {
      const container = getContainer()
      const id = await productId("guiqi-mango-tiandong")
      await meili.stop()

      const degraded = await search({ q: "芒果" })
      expect(degraded).toMatchObject({ engine: "postgres", degraded: true })
      expect(handles(degraded)).toContain("guiqi-mango-tiandong")

      await updateProductsWorkflow(container).run({ input: { selector: { id }, update: { title: "右江桂七香芒" } } })
      const outbox = container.resolve("searchSync") as any
      await eventually(() => outbox.stats(), (s: { pending: number; failing: number }) => s.pending >= 1 && s.failing >= 1)
      expect(handles(await search({ q: "香芒" }))).toContain("guiqi-mango-tiandong")

      meili = await startMeili()
      // What the job does every minute, without waiting for the backoff.
      await eventually(
        async () => {
          await outbox.retryNow()
          await wf.drainSearchOutbox(container)
          return outbox.stats()
        },
        (s: { pending: number }) => s.pending === 0
      )
      const back = await search({ q: "香芒" })
      expect(back.engine).toBe("meilisearch")
      expect(handles(back)).toContain("guiqi-mango-tiandong")
    })

    it("never holds registry data; names a household only with its public-profile consent", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const appleId = await productId("fuji-apple-luochuan")
      const { data } = await query.graph({
        entity: "product",
        fields: ["attribution.shares.household.id", "attribution.shares.household.display_name"],
        filters: { id: appleId },
      })
      const household = (data[0] as any).attribution.shares[0].household
      await wf.recordConsentWorkflow(container).run({
        input: { household_id: household.id, kind: "registry_data", granted: true, method: "paper", recorded_by: "search-spec" },
      })
      await wf.setHouseholdRegistryWorkflow(container).run({
        input: {
          household_id: household.id,
          data: {
            legal_name: LEGAL_NAME,
            poverty_status: "registered",
            national_id: NATIONAL_ID,
            phone: PHONE,
            bank: { bank_name: "农村信用社", account: BANK_ACCOUNT },
          },
        },
      })
      await wf.recordConsentWorkflow(container).run({
        input: { household_id: household.id, kind: "public_profile", granted: true, method: "paper", recorded_by: "search-spec" },
      })
      await eventually(
        () => search({ q: household.display_name }),
        (a) => handles(a).includes("fuji-apple-luochuan")
      )

      const indexes = await meiliGet("/indexes")
      const uids: string[] = indexes.results.map((i: { uid: string }) => i.uid).filter((u: string) => u.startsWith("spec_"))
      expect(uids.length).toBeGreaterThan(0)
      for (const uid of uids) {
        const docs = await meiliGet(`/indexes/${uid}/documents/fetch`, { limit: 1000 })
        const text = JSON.stringify(docs.results)
        for (const secret of [NATIONAL_ID, PHONE, BANK_ACCOUNT, LEGAL_NAME, "registered", "农村信用社"]) {
          expect(text).not.toContain(secret)
        }
        for (const doc of docs.results) {
          expect(Object.keys(doc).some((k) => /registry|national|phone|bank|poverty|legal/.test(k))).toBe(false)
        }
      }
    })
  },
})
