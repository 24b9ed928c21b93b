import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
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
// that the PostgreSQL fallback (Meilisearch down) answers the same cards. GET /store/lianxin/catalog/products/:handle
// (decision 027) serves the product page in one call; the last tests prove its next answer shows each kind of change.

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const searchSyncModule = nodeRequire("@lianxin/plugin/modules/search-sync")

// The storefront's own parser of the product answer and its view model (decisions 021, 027): the contract is checked
// on real answers. Imported by a computed path: the storefront's sources are outside this package's TypeScript project.
type Variant = {
  id: string
  price_fen: number | null
  manage_inventory: boolean
  inventory_quantity: number | null
}
type ProductAnswer = {
  id: string
  handle: string
  images: string[]
  origin: { village: string | null; household_code: string | null }
  variants: Variant[]
  household: { code: string; public_profile: boolean; display_name: string | null } | null
  price_breakdown: {
    product_id: string
    variants: {
      variant_id: string
      price_fen: number
      shares_fen: { household: number; cooperative: number; property_office: number; platform: number }
    }[]
  } | null
}
const storefrontLib = new URL("../../../storefront/app/lib/", import.meta.url).pathname
const { catalogProductSchema } = (await import(`${storefrontLib}contract.ts`)) as {
  catalogProductSchema: { parse(raw: unknown): { product: ProductAnswer } }
}
const { productPageFrom } = (await import(`${storefrontLib}server/catalog.server.ts`)) as {
  productPageFrom(answer: { product: ProductAnswer }, backendUrl: string): { product: { stock: unknown } }
}

const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-catalog-spec-"))
const meiliPort: number = await freePort()
const masterKey = crypto.randomBytes(24).toString("hex")
const startMeili = () => startMeilisearch({ dataDir: meiliDir, port: meiliPort, masterKey })
let meili = await startMeili()
process.env.MEILISEARCH_HOST = meili.host
process.env.MEILISEARCH_API_KEY = masterKey
process.env.MEILISEARCH_INDEX_PREFIX = "catalogspec"
// The version test waits for the subscribers and the outbox to settle; the app's own minute drain is neither, and a
// drain of it racing a subscriber's re-enqueued a row after the outbox looked empty (the version moved 23 ms after
// "settled", in a CI run). Off here, as in search.spec.ts; the subscribers drain every change.
process.env.LIANXIN_JOB_SCHEDULES = JSON.stringify({ "search-outbox-drain": "off" })
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
    /** The demo's published products (24 from the catalogue plus those the offices listed and admin approved). */
    let published: number
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
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      published = (
        await query.graph({ entity: "product", fields: ["id"], filters: { status: ProductStatus.PUBLISHED } })
      ).data.length
      expect(published).toBeGreaterThanOrEqual(24)
      await eventually(
        () => catalog(),
        (a) => a.engine === "meilisearch" && a.count === published,
        60_000
      )
      await subscribers.idle(120_000)
    }, 600_000)

    it("serves one page of cards from the index, newest first, filtered by category, and refuses bad input naming the field", async () => {
      const page = await catalog({ limit: "5" })
      expect(page).toMatchObject({ engine: "meilisearch", degraded: false, count: published })
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
      expect(fruit.count).toBeLessThan(published)
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
      expect(total).toBeLessThanOrEqual(published)
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
        (a) => a.count === published - 1 && !card(a, "old-tree-pear-liping")
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

    const version = async (): Promise<string | null> =>
      (await api.get("/store/lianxin/catalog/version", { headers })).data.version
    /**
     * Subscribers done and the outbox empty: the version has its final value for the changes made so far. The app's
     * minute drain is off in this file (above), and a row whose drain failed (Meilisearch restarted by the fallback
     * test, a reset socket) waits for that drain however long its backoff: so, once the subscribers are idle (nothing
     * left to race), this does what the job does, without waiting for the backoff — as search.spec.ts does after its
     * outage. The CI of ed42c2e waited a whole minute on such a row (pending 1) before this.
     */
    const settled = async (subscribers: ReturnType<typeof trackSubscribers>) => {
      const container = getContainer()
      const outbox = container.resolve(searchSyncModule.SEARCH_SYNC_MODULE)
      await eventually(
        async () => {
          await subscribers.idle(30_000)
          const stats = await outbox.stats()
          if (stats.pending > 0) {
            await outbox.retryNow()
            await wf.drainSearchOutbox(container)
          }
          return stats
        },
        (stats: { pending: number }) => stats.pending === 0,
        60_000
      )
    }

    it("moves the catalogue version with every change a public page shows, and only once the index has it", async () => {
      // Storefronts keep public answers under this version (storefront/app/lib/server/public-cache.server.ts): once it
      // has stopped moving after a change, the list and the product page must already show the change.
      const container = getContainer()
      // Installed before the changes: it keeps every subscriber run they cause, however late.
      const subscribers = trackSubscribers(container)
      await settled(subscribers)
      const v0 = await version()
      expect(v0).toMatch(/^\d+\|[^|]+\|\d+\|[^|]+$/)
      expect(await version()).toBe(v0)
      const res = await api.get("/store/lianxin/catalog/version", { headers })
      expect(res.headers["cache-control"]).toBe("no-store")

      // A price change (the millet's only variant to ¥88.80).
      const handle = "yellow-millet-luochuan"
      const before = await productPage(handle)
      expect(before.variants[0]!.price_fen).not.toBe(8880)
      await updateProductVariantsWorkflow(container).run({
        input: {
          selector: { id: before.variants[0]!.id },
          update: { prices: [{ currency_code: "cny", amount: 88.8 }] },
        },
      })
      await settled(subscribers)
      const v1 = await version()
      expect(v1).not.toBe(v0)
      expect(card(await catalog(), handle)?.price_min_fen).toBe(8880)
      expect((await productPage(handle)).variants[0]!.price_fen).toBe(8880)

      // Unpublished: gone from the list and the product page.
      await updateProductsWorkflow(container).run({
        input: { selector: { id: before.id }, update: { status: ProductStatus.DRAFT } },
      })
      await settled(subscribers)
      const v2 = await version()
      expect(v2).not.toBe(v1)
      expect(card(await catalog(), handle)).toBeUndefined()
      expect((await productAnswer(handle)).status).toBe(404)

      // Published again: back, and the version is new (never an earlier one whose copies could be stale).
      await updateProductsWorkflow(container).run({
        input: { selector: { id: before.id }, update: { status: ProductStatus.PUBLISHED } },
      })
      await settled(subscribers)
      const v3 = await version()
      expect(new Set([v0, v1, v2, v3]).size).toBe(4)
      expect(card(await catalog(), handle)?.price_min_fen).toBe(8880)

      // A new split policy version changes product pages' breakdowns: the version moves too. (Scoped to a cooperative
      // no product has, so the later tests' breakdowns are unchanged.)
      await wf.createSplitPolicyVersionWorkflow(container).run({
        input: {
          name: "catalog-spec",
          scope: "cooperative",
          scope_id: "coop_catalog_spec_none",
          household_bp: 6000,
          cooperative_bp: 1500,
          property_office_bp: 1500,
          platform_bp: 1000,
          created_by: "catalog-spec",
        },
      })
      expect(await version()).not.toBe(v3)
    }, 300_000)

    const productAnswer = async (handle: string) =>
      api.get(`/store/lianxin/catalog/products/${encodeURIComponent(handle)}`, { headers, validateStatus: () => true })
    const productPage = async (handle: string) => {
      const res = await productAnswer(handle)
      expect(res.status, JSON.stringify(res.data).slice(0, 400)).toBe(200)
      // The storefront's schema: a drift between the route and the page's parser fails here.
      return catalogProductSchema.parse(res.data).product
    }

    it("answers the product page in one call: variants in fen with stock, origin, public household, breakdown", async () => {
      const product = await productPage("fuji-apple-luochuan")
      expect(product.handle).toBe("fuji-apple-luochuan")
      expect(product.variants.length).toBeGreaterThan(0)
      for (const v of product.variants) {
        expect(Number.isInteger(v.price_fen)).toBe(true)
        expect(v.manage_inventory ? Number.isInteger(v.inventory_quantity) : v.inventory_quantity === null).toBe(true)
      }
      expect(product.origin.village).toBeTruthy()
      expect(product.origin.household_code).toMatch(/^[A-Z]{2}-[A-Z0-9]{2,6}-\d{3,4}$/)
      expect(product.household?.code).toBe(product.origin.household_code)
      expect(product.price_breakdown?.product_id).toBe(product.id)
      // The breakdown splits the same prices the page shows, to the fen.
      for (const line of product.price_breakdown!.variants) {
        const variant = product.variants.find((v) => v.id === line.variant_id)
        expect(line.price_fen).toBe(variant?.price_fen)
        const s = line.shares_fen
        expect(s.household + s.cooperative + s.property_office + s.platform).toBe(line.price_fen)
      }
      // The same product as Medusa's own store API prices and counts it (what the page showed before).
      const region = (await api.get("/store/regions?fields=id,name", { headers })).data.regions.find(
        (r: { name: string }) => r.name === "中国大陆"
      )
      const medusa = (
        await api.get(
          `/store/products?handle=fuji-apple-luochuan&region_id=${region.id}&fields=id,description,thumbnail,*images,variants.id,variants.inventory_quantity,variants.manage_inventory,variants.calculated_price.calculated_amount`,
          { headers }
        )
      ).data.products[0]
      expect(product.id).toBe(medusa.id)
      expect(product.images).toEqual(medusa.images.map((i: { url: string }) => i.url))
      // Medusa's store API gives variants in no set order (it failed once in CI on two variants made in the same
      // millisecond); ours come by rank, creation and id. Compared by id.
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
      expect(
        product.variants.map((v) => ({ id: v.id, fen: v.price_fen, qty: v.inventory_quantity })).sort(byId)
      ).toEqual(
        medusa.variants
          .map((v: any) => ({
            id: v.id,
            fen: Math.round(Number(v.calculated_price.calculated_amount) * 100),
            qty: v.manage_inventory ? v.inventory_quantity : null,
          }))
          .sort(byId)
      )
      // Never registry data: nothing in the answer is named like it.
      expect(JSON.stringify(product)).not.toMatch(/registry|national|phone|bank|poverty|legal/i)
    })

    it("answers 404 for a handle no published product has and 400 naming the handle for a malformed one, never 500", async () => {
      for (const handle of ["no-such-product", "苹果", "a".repeat(200)]) {
        const res = await productAnswer(handle)
        expect(res.status, handle).toBe(404)
      }
      for (const handle of ["bad handle!", "../admin", "a".repeat(201), "x'; drop table product; --"]) {
        const res = await productAnswer(handle)
        expect(res.status, handle).toBe(400)
        expect(JSON.stringify(res.data), handle).toContain("handle")
      }
      // Without a publishable key there is no channel: the route is refused like every store route.
      const bare = await api.get("/store/lianxin/catalog/products/fuji-apple-luochuan", { validateStatus: () => true })
      expect(bare.status).toBe(400)
    })

    it("shows a price change, a sell-out, an unpublish and a withdrawn consent on the product page's next request", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      // Price: the oil's only variant to ¥19.90.
      const oil = await productPage("rapeseed-oil-liping")
      expect(oil.variants[0]!.price_fen).not.toBe(1990)
      await updateProductVariantsWorkflow(container).run({
        input: { selector: { id: oil.variants[0]!.id }, update: { prices: [{ currency_code: "cny", amount: 19.9 }] } },
      })
      const repriced = await productPage("rapeseed-oil-liping")
      expect(repriced.variants[0]!.price_fen).toBe(1990)
      expect(repriced.price_breakdown?.variants[0]?.price_fen).toBe(1990)

      // Stock: the mango's only inventory level to 0 → sold out on the page.
      const { data: mango } = await query.graph({
        entity: "product",
        fields: [
          "variants.inventory_items.inventory_item_id",
          "variants.inventory_items.inventory.location_levels.location_id",
        ],
        filters: { handle: "guiqi-mango-tiandong" },
      })
      const item = (mango[0] as any).variants[0].inventory_items[0]
      expect((await productPage("guiqi-mango-tiandong")).variants[0]!.inventory_quantity).toBeGreaterThan(0)
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
      const soldOut = await productPage("guiqi-mango-tiandong")
      expect(soldOut.variants[0]!.inventory_quantity).toBe(0)
      expect(productPageFrom({ product: soldOut }, "http://localhost:9000").product.stock).toEqual({ kind: "out" })

      // Unpublish: the pear's page is gone (404).
      const pear = await productId("old-tree-pear-liping")
      expect((await productAnswer("old-tree-pear-liping")).status).toBe(200)
      await updateProductsWorkflow(container).run({
        input: { selector: { id: pear }, update: { status: ProductStatus.DRAFT } },
      })
      expect((await productAnswer("old-tree-pear-liping")).status).toBe(404)

      // Consent: the apple's household grants a public profile (name and story show), then withdraws it (gone).
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
      const granted = await productPage("fuji-apple-luochuan")
      expect(granted.household).toMatchObject({ public_profile: true, display_name: household.display_name })
      await consent(false)
      const withdrawn = await productPage("fuji-apple-luochuan")
      expect(withdrawn.household).toMatchObject({
        public_profile: false,
        display_name: null,
        story: null,
        photo_url: null,
      })
    })

    // The page reads its producer and breakdown in its one statement; the price-breakdown route (productSplit through
    // Query and the revenue-share service) and the households route (Query) are the old path. Same answers, to the
    // byte, for every product, with a policy of each scope in force, and after the consent withdrawal above.
    it("answers the same breakdown as /store/products/:id/price-breakdown and the same producer as /store/households/:code", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "handle", "categories.id", "attribution.cooperative_id", "attribution.shares.household_id"],
        filters: { status: ProductStatus.PUBLISHED },
      })
      const compareAll = async () => {
        const answers = new Map<string, ProductAnswer>()
        for (const p of products) {
          const page = await productPage(p.handle)
          answers.set(p.handle, page)
          const old = (
            await api.get(`/store/products/${p.id}/price-breakdown`, { headers, validateStatus: () => true })
          ).data
          const expected = old.price_breakdown
            ? {
                product_id: old.price_breakdown.product_id,
                policy_version: old.price_breakdown.policy_version,
                household_codes: old.price_breakdown.household_codes,
                variants: old.price_breakdown.variants.map((v: { title?: string | null }) => ({
                  ...v,
                  title: v.title ?? null,
                })),
              }
            : null
          // Variant order is not part of the comparison: the page lists them in its own order (rank, creation, id);
          // the old path in whatever order Query returns, which Medusa does not define (a CI run saw 5斤装 before 10斤装).
          const byVariant = <T extends { variant_id: string }>(b: { variants: T[] } | null) =>
            b && { ...b, variants: [...b.variants].sort((x, y) => x.variant_id.localeCompare(y.variant_id)) }
          expect(JSON.stringify(byVariant(page.price_breakdown)), p.handle).toBe(JSON.stringify(byVariant(expected)))
          if (!page.household) {
            expect(page.origin.household_code ?? "", p.handle).not.toMatch(/^[A-Z]{2}-[A-Z0-9]{2,6}-\d{3,4}$/)
            continue
          }
          const h = (await api.get(`/store/households/${page.household.code}`, { headers })).data.household
          expect(JSON.stringify(page.household), p.handle).toBe(
            JSON.stringify({
              code: h.code,
              public_profile: h.public_profile,
              display_name: h.public_profile ? (h.display_name ?? null) : null,
              story: h.public_profile ? h.story?.trim() || null : null,
              photo_url: h.public_profile ? (h.photo_url ?? null) : null,
              village: h.village,
            })
          )
        }
        return answers
      }
      const before = await compareAll()
      // A withdrawn consent hides the profile on both paths.
      const apple = products.find((p: any) => p.handle === "fuji-apple-luochuan") as any
      await wf.recordConsentWorkflow(container).run({
        input: {
          household_id: apple.attribution.shares[0].household_id,
          kind: "public_profile",
          granted: false,
          method: "paper",
          recorded_by: "catalog-spec",
        },
      })
      const withdrawn = await compareAll()
      expect(withdrawn.get("fuji-apple-luochuan")?.household).toMatchObject({
        public_profile: false,
        display_name: null,
      })

      // A policy of each scope, each with other shares than the global one, on products that have what it names.
      const attributed = products.filter((p: any) => p.attribution)
      const coop = attributed.find((p: any) => p.attribution.cooperative_id) as any
      const single = attributed.find(
        (p: any) => !p.attribution.cooperative_id && p.attribution.shares.length === 1
      ) as any
      const categorised = products.find((p: any) => p.categories?.length && p !== coop && p !== single) as any
      type Scope = "cooperative" | "household" | "category"
      const policies: { scope: Scope; scope_id: string; shares: [number, number, number, number] }[] = []
      if (coop)
        policies.push({
          scope: "cooperative",
          scope_id: coop.attribution.cooperative_id,
          shares: [6000, 2000, 1000, 1000],
        })
      if (single) {
        policies.push({
          scope: "household",
          scope_id: single.attribution.shares[0].household_id,
          shares: [8500, 0, 1000, 500],
        })
      }
      if (categorised) {
        policies.push({ scope: "category", scope_id: categorised.categories[0].id, shares: [6500, 500, 1500, 1500] })
      }
      expect(policies.length).toBeGreaterThanOrEqual(2)
      for (const p of policies) {
        await wf.createSplitPolicyVersionWorkflow(container).run({
          input: {
            name: `catalog-spec ${p.scope}`,
            scope: p.scope,
            scope_id: p.scope_id,
            household_bp: p.shares[0],
            cooperative_bp: p.shares[1],
            property_office_bp: p.shares[2],
            platform_bp: p.shares[3],
            created_by: "catalog-spec",
          },
        })
      }
      const after = await compareAll()
      for (const p of [coop, single, categorised].filter((p) => p !== undefined)) {
        expect(JSON.stringify(after.get(p.handle)?.price_breakdown), p.handle).not.toBe(
          JSON.stringify(before.get(p.handle)?.price_breakdown)
        )
      }
    })

    // A deleted row's product is found only when the query itself asks for deleted rows; the subscriber passed
    // withDeleted where Medusa ignores it, and the card kept a deleted size's price (found 2026-12-06). The demo's
    // sizes have reservations, which deleteProductVariantsWorkflow refuses: the size is soft-deleted in the product
    // module, and the event that workflow emits is emitted as it would (same name, same data).
    it("drops a deleted size's price from the card", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const handle = "fuji-apple-luochuan"
      const { data } = await query.graph({
        entity: "product",
        fields: ["variants.id", "variants.title"],
        filters: { handle },
      })
      const variants = (data[0] as { variants: { id: string; title: string }[] }).variants
      const big = variants.find((v) => v.title === "10斤装")!
      const small = card(await catalog({ category: "fruit" }), handle)
      expect(small).toMatchObject({ price_min_fen: 3990, price_max_fen: 7200 })
      await container.resolve(Modules.PRODUCT).softDeleteProductVariants([big.id])
      await container.resolve(Modules.EVENT_BUS).emit({ name: "product-variant.deleted", data: { id: big.id } })
      await eventually(
        () => catalog({ category: "fruit" }),
        (a) => card(a, handle)?.price_max_fen === 3990 && card(a, handle)?.price_min_fen === 3990
      )
      expect((await productPage(handle)).variants.map((v) => v.price_fen)).toEqual([3990])
    })
  },
})
