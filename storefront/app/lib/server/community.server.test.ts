import { describe, expect, it } from "vitest"
import type { ProductSummary } from "../catalog"
import { PUBLIC_CACHE_CONTROL } from "./http.server"
import { loadCategoryPage, loadHouseholdPage, loadImpactPage, loadProductPage, loadVillagePage } from "./pages.server"
import { catalogProductJson } from "./testing/contract-fixtures"
import { fakeStore, FakeHttpError, initOf, payload, thrown } from "./testing/fake-store"

const summary = (handle: string): ProductSummary => ({
  id: `prod_${handle}`,
  handle,
  title: handle,
  thumbnail: null,
  priceFen: 1280,
  priceVaries: false,
  unit: null,
  stock: { kind: "in" },
})

const card = (handle: string, categories: string[]) => ({
  id: `prod_${handle}`,
  handle,
  title: handle,
  thumbnail: null,
  price_min_fen: 1280,
  price_max_fen: 1280,
  in_stock: true,
  storage: "ambient",
  unit: null,
  category_handles: categories,
})
const CARDS = [card("e2e-apple", ["e2e-fruit"]), card("e2e-rice", ["e2e-grains"]), card("other", [])]

function communityStore(routes: Parameters<typeof fakeStore>[0] = {}) {
  const fake = fakeStore({
    // The browsing read model (GET /store/lianxin/catalog), filtering by category handle as the backend does.
    "GET /store/lianxin/catalog": (_params, init) => {
      const category = init.query?.category as string | undefined
      const products = CARDS.filter((c) => !category || c.category_handles.includes(category))
      return { products, count: products.length, offset: 0, limit: 24, engine: "meilisearch", degraded: false }
    },
    ...routes,
  })
  fake.store.listCategories = async () => [
    { id: "pcat_fruit", name: "水果", handle: "e2e-fruit", description: null },
    { id: "pcat_grains", name: "粮油", handle: "e2e-grains", description: null },
  ]
  fake.store.listProducts = async (filter) =>
    filter?.categoryId === "pcat_fruit"
      ? [summary("e2e-apple")]
      : [summary("e2e-apple"), summary("e2e-rice"), summary("other")]
  fake.store.listOrigins = async () => [
    {
      productId: "prod_e2e-apple",
      handle: "e2e-apple",
      title: "测试苹果",
      householdCode: "ZJ-LS-001",
      village: "测试村",
      villageRegion: "浙江省丽水市",
    },
    {
      productId: "prod_e2e-rice",
      handle: "e2e-rice",
      title: "测试大米",
      householdCode: "ZJ-LS-002",
      village: "测试村",
      villageRegion: "浙江省丽水市",
    },
  ]
  return fake
}

const visitor = new Request("http://shop.test/")
const resident = new Request("http://shop.test/", { headers: { Cookie: "lx_session=abc" } })

describe("category page", () => {
  it("lists the category's products, cacheable for visitors and private for residents with a session", async () => {
    const { store } = communityStore()
    const result = await loadCategoryPage(store, "e2e-fruit", visitor)
    expect(payload<{ products: ProductSummary[] }>(result).products.map((p) => p.handle)).toEqual(["e2e-apple"])
    expect(new Headers(initOf(result).headers).get("Cache-Control")).toBe(PUBLIC_CACHE_CONTROL)
    const mine = await loadCategoryPage(store, "e2e-fruit", resident)
    expect(new Headers(initOf(mine).headers).get("Cache-Control")).toBe("private, no-cache")
  })

  it("is a 404 for unknown or malformed handles", async () => {
    const { store } = communityStore()
    expect((await thrown(loadCategoryPage(store, "nope", visitor))).status).toBe(404)
    expect((await thrown(loadCategoryPage(store, "../admin", visitor))).status).toBe(404)
  })
})

describe("village page", () => {
  it("groups households and products by the households' code prefix", async () => {
    const { store } = communityStore()
    const data = payload<{ village: { name: string; householdCodes: string[] }; products: ProductSummary[] }>(
      await loadVillagePage(store, "zj-ls", visitor)
    )
    expect(data.village).toMatchObject({
      code: "ZJ-LS",
      name: "测试村",
      region: "浙江省丽水市",
      householdCodes: ["ZJ-LS-001", "ZJ-LS-002"],
    })
    expect(data.products.map((p) => p.handle)).toEqual(["e2e-apple", "e2e-rice"])
    expect((await thrown(loadVillagePage(store, "XX-YY", visitor))).status).toBe(404)
  })
})

describe("household page", () => {
  it("shows only what the backend sends for consented profiles", async () => {
    const { store, calls } = communityStore({
      "GET /store/households/:code": ({ code }) => ({
        household: {
          code,
          public_profile: false,
          // Even if a backend bug sent these, the page would not show them without consent.
          display_name: "不该显示",
          story: "不该显示",
          village: { name: "测试村", township: null, county: "庆元县", province: "浙江省" },
          products: [{ id: "prod_1", handle: "e2e-apple", title: "测试苹果", thumbnail: null }],
        },
      }),
    })
    const { household } = payload<{ household: { displayName: string | null; story: string | null; public: boolean } }>(
      await loadHouseholdPage(store, "zj-ls-001", visitor)
    )
    expect(household).toMatchObject({ code: "ZJ-LS-001", public: false, displayName: null, story: null })
    expect(calls[0]!.path).toBe("/store/households/ZJ-LS-001")
    expect((await thrown(loadHouseholdPage(store, "not a code", visitor))).status).toBe(404)
  })
})

describe("impact page", () => {
  it("passes suppression through and groups by village", async () => {
    const suppressed = communityStore({
      "GET /store/impact": () => ({ impact: { suppressed: true, minimum_households: 5, currency_code: "cny" } }),
    })
    expect(payload(await loadImpactPage(suppressed.store, visitor))).toEqual({
      impact: { suppressed: true, minimum: 5 },
    })

    const published = communityStore({
      "GET /store/impact": (_p, init) => {
        expect(init.query).toEqual({ group_by: "village" })
        return {
          impact: {
            suppressed: false,
            minimum_households: 5,
            households: 12,
            villages: 3,
            earned_by_households_fen: 123456,
            paid_to_households_fen: 100000,
            groups: [{ key: "云南省双江县勐库村", households: 7, earned_fen: 80000, paid_fen: 70000 }],
            other: { key: "other", households: 5, earned_fen: 43456, paid_fen: 30000 },
          },
        }
      },
    })
    expect(payload(await loadImpactPage(published.store, visitor))).toMatchObject({
      impact: {
        households: 12,
        earnedFen: 123456,
        groups: [{ key: "云南省双江县勐库村", households: 7, earnedFen: 80000 }],
        other: { households: 5 },
      },
    })
  })

  it("leaves a gap, not an outage, when the figures cannot be loaded", async () => {
    const { store } = communityStore({ "GET /store/impact": () => Promise.reject(new FakeHttpError(500, "boom")) })
    expect(payload(await loadImpactPage(store, visitor))).toEqual({ impact: null })
  })
})

describe("product page extras", () => {
  it("shows the household's public profile and the price breakdown from the one product answer, and none without", async () => {
    const withExtras = catalogProductJson("e2e-apple", {
      origin: { village: "测试村", household_code: "ZJ-LS-001", harvest: "2026-10" },
      household: {
        code: "ZJ-LS-001",
        public_profile: true,
        display_name: "测试果园",
        story: "故事",
        photo_url: null,
        village: null,
      },
      price_breakdown: {
        product_id: "prod_e2e-apple",
        policy_version: 2,
        household_codes: ["ZJ-LS-001"],
        variants: [
          {
            variant_id: "variant_e2e-apple",
            title: "5斤装",
            price_fen: 1280,
            shares_fen: { household: 1024, cooperative: 0, property_office: 128, platform: 128 },
          },
        ],
      },
    })
    const { store, calls } = communityStore({ "GET /store/lianxin/catalog/products/:handle": () => withExtras })
    const data = payload<{
      household: { displayName: string; story: string }
      breakdown: { policyVersion: number }
      villageCode: string
    }>(await loadProductPage(store, "e2e-apple", visitor))
    expect(data.household).toMatchObject({ displayName: "测试果园", story: "故事" })
    expect(data.breakdown.policyVersion).toBe(2)
    expect(data.villageCode).toBe("ZJ-LS")
    // One backend call for the whole public page: no separate household or breakdown request.
    expect(calls.map((c) => c.path)).toEqual(["/store/lianxin/catalog/products/e2e-apple"])

    const withdrawn = structuredClone(withExtras)
    withdrawn.product.household = {
      ...withExtras.product.household!,
      public_profile: false,
      display_name: null,
      story: null,
    }
    const noConsent = communityStore({ "GET /store/lianxin/catalog/products/:handle": () => withdrawn })
    expect(
      payload<{ household: unknown }>(await loadProductPage(noConsent.store, "e2e-apple", visitor)).household
    ).toMatchObject({ public: false, displayName: null, story: null })

    const bare = communityStore({
      "GET /store/lianxin/catalog/products/:handle": () => catalogProductJson("e2e-apple"),
    })
    const without = payload<{ household: unknown; breakdown: unknown }>(
      await loadProductPage(bare.store, "e2e-apple", visitor)
    )
    expect(without).toMatchObject({ household: null, breakdown: null })
  })
})
