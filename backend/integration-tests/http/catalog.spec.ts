import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  updateInventoryLevelsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { seed } from "@lianxin/seed"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { freePort } from "../../scripts/postgres.mjs"
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { startMeilisearch } from "../../scripts/meilisearch.mjs"
import { trackSubscribers, until } from "../helpers/wait"

// The browsing read model (issue 16): GET /store/lianxin/catalog serves the home and category lists from the search
// index's documents. The outbox keeps them current; this file proves the next view shows each kind of change, and
// that the PostgreSQL fallback (Meilisearch down) answers the same cards.

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")

const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-catalog-spec-"))
const meiliPort: number = await freePort()
const masterKey = crypto.randomBytes(24).toString("hex")
const startMeili = () => startMeilisearch({ dataDir: meiliDir, port: meiliPort, masterKey })
let meili = await startMeili()
process.env.MEILISEARCH_HOST = meili.host
process.env.MEILISEARCH_API_KEY = masterKey
process.env.MEILISEARCH_INDEX_PREFIX = "catalogspec"
afterAll(async () => {
  await meili.stop()
  fs.rmSync(meiliDir, { recursive: true, force: true })
})

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const last = await until(read, ok, ms)
  if (!ok(last)) throw new Error(`not reached within ${ms} ms; last read: ${JSON.stringify(last).slice(0, 800)}`)
  return last
}

type Card = {
  handle: string
  price_min_fen: number | null
  price_max_fen: number | null
  in_stock: boolean
  producer: string | null
  category_handles: string[]
}
type Answer = { products: Card[]; count: number; engine: string; degraded: boolean }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const catalog = async (params: Record<string, string> = {}): Promise<Answer> =>
      (await api.get(`/store/lianxin/catalog?${new URLSearchParams({ limit: "48", ...params })}`, { headers })).data
    const card = (answer: Answer, handle: string) => answer.products.find((p) => p.handle === handle)
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
      await eventually(
        () => catalog(),
        (a) => a.engine === "meilisearch" && a.count === 24,
        60_000
      )
      await subscribers.idle(120_000)
    }, 600_000)

    it("serves one page of cards from the index, newest first, filtered by category, and refuses bad input naming the field", async () => {
      const page = await catalog({ limit: "5" })
      expect(page).toMatchObject({ engine: "meilisearch", degraded: false, count: 24 })
      expect(page.products).toHaveLength(5)
      for (const p of page.products) {
        expect(Object.keys(p).sort()).toEqual(
          [
            "category_handles",
            "handle",
            "id",
            "in_stock",
            "price_max_fen",
            "price_min_fen",
            "producer",
            "storage",
            "thumbnail",
            "title",
            "unit",
            "villages",
          ].sort()
        )
        expect(Number.isInteger(p.price_min_fen)).toBe(true)
      }
      const next = await catalog({ limit: "5", offset: "5" })
      expect(next.products.map((p) => p.handle)).not.toContain(page.products[0]!.handle)

      const fruit = await catalog({ category: "fruit" })
      expect(fruit.count).toBeGreaterThan(0)
      expect(fruit.count).toBeLessThan(24)
      expect(fruit.products.every((p) => p.category_handles.includes("fruit"))).toBe(true)

      for (const [query, field] of [
        ["limit=0", "limit"],
        ["limit=49", "limit"],
        ["offset=-1", "offset"],
        ["category=Fruit%20!", "category"],
        ["sort=random", "sort"],
      ] as const) {
        const res = await api.get(`/store/lianxin/catalog?${query}`, { headers, validateStatus: () => true })
        expect(res.status, query).toBe(400)
        expect(JSON.stringify(res.data), query).toContain(field)
      }
    })

    it("counts villages in the database for the home page", async () => {
      const { villages } = (await api.get("/store/lianxin/catalog/villages", { headers })).data as {
        villages: { code: string; name: string; product_count: number }[]
      }
      expect(villages.length).toBeGreaterThan(1)
      for (const v of villages) expect(v.code).toMatch(/^[A-Z]{2}-[A-Z0-9]{2,6}$/)
      const total = villages.reduce((sum, v) => sum + v.product_count, 0)
      expect(total).toBeGreaterThan(0)
      expect(total).toBeLessThanOrEqual(24)
    })

    // Before the changes below: the database is restored before every test, the index is not.
    it("answers the same cards from one PostgreSQL query while Meilisearch is down", async () => {
      const fromIndex = await catalog({ sort: "price_asc" })
      await meili.stop()
      try {
        const fromDb = await catalog({ sort: "price_asc" })
        expect(fromDb).toMatchObject({ engine: "postgres", degraded: true, count: fromIndex.count })
        const view = (a: Answer) =>
          a.products
            .map((p) => ({
              handle: p.handle,
              min: p.price_min_fen,
              max: p.price_max_fen,
              in_stock: p.in_stock,
              categories: [...p.category_handles].sort(),
            }))
            .sort((x, y) => x.handle.localeCompare(y.handle))
        expect(view(fromDb)).toEqual(view(fromIndex))
        const fruit = await catalog({ category: "fruit" })
        expect(fruit.engine).toBe("postgres")
        expect(fruit.products.every((p) => p.category_handles.includes("fruit"))).toBe(true)
      } finally {
        meili = await startMeili()
      }
    })
    it("shows a price change, a sell-out, an unpublish and a withdrawn consent on the next view", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      // Price: the oil's only variant to ¥19.90.
      const { data: oil } = await query.graph({
        entity: "product",
        fields: ["variants.id"],
        filters: { handle: "rapeseed-oil-liping" },
      })
      const before = card(await catalog({ category: "grains-and-oils" }), "rapeseed-oil-liping")
      expect(before?.price_min_fen).not.toBe(1990)
      await updateProductVariantsWorkflow(container).run({
        input: {
          selector: { id: (oil[0] as any).variants[0].id },
          update: { prices: [{ currency_code: "cny", amount: 19.9 }] },
        },
      })
      await eventually(
        () => catalog({ category: "grains-and-oils" }),
        (a) => card(a, "rapeseed-oil-liping")?.price_min_fen === 1990
      )

      // Stock: the mango's only inventory level to 0.
      const { data: mango } = await query.graph({
        entity: "product",
        fields: [
          "variants.inventory_items.inventory_item_id",
          "variants.inventory_items.inventory.location_levels.location_id",
        ],
        filters: { handle: "guiqi-mango-tiandong" },
      })
      const item = (mango[0] as any).variants[0].inventory_items[0]
      expect(card(await catalog({ category: "fruit" }), "guiqi-mango-tiandong")?.in_stock).toBe(true)
      await updateInventoryLevelsWorkflow(container).run({
        input: {
          updates: [
            {
              inventory_item_id: item.inventory_item_id,
              location_id: item.inventory.location_levels[0].location_id,
              stocked_quantity: 0,
            },
          ],
        },
      })
      await eventually(
        () => catalog({ category: "fruit" }),
        (a) => card(a, "guiqi-mango-tiandong")?.in_stock === false
      )

      // Unpublish: the pear leaves the list and the count.
      const pear = await productId("old-tree-pear-liping")
      expect(card(await catalog(), "old-tree-pear-liping")).toBeDefined()
      await updateProductsWorkflow(container).run({
        input: { selector: { id: pear }, update: { status: ProductStatus.DRAFT } },
      })
      await eventually(
        () => catalog(),
        (a) => a.count === 23 && !card(a, "old-tree-pear-liping")
      )

      // Consent: the apple's household grants a public profile (its name shows), then withdraws it (gone again).
      const apple = await productId("fuji-apple-luochuan")
      const { data } = await query.graph({
        entity: "product",
        fields: ["attribution.shares.household.id", "attribution.shares.household.display_name"],
        filters: { id: apple },
      })
      const household = (data[0] as any).attribution.shares[0].household
      const consent = (granted: boolean) =>
        wf.recordConsentWorkflow(container).run({
          input: {
            household_id: household.id,
            kind: "public_profile",
            granted,
            method: "paper",
            recorded_by: "catalog-spec",
          },
        })
      await consent(true)
      await eventually(
        () => catalog({ category: "fruit" }),
        (a) => card(a, "fuji-apple-luochuan")?.producer === household.display_name
      )
      await consent(false)
      await eventually(
        () => catalog({ category: "fruit" }),
        (a) => card(a, "fuji-apple-luochuan")?.producer === null
      )
    })
  },
})
