import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import Medusa, { FetchError } from "@medusajs/js-sdk"
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest"
import {
  createKeySource,
  createStoreClient,
  type ProductQuery,
  type RegionQuery,
  type StoreClientOptions,
  type StoreSdk,
} from "./medusa.server"
import { CATEGORY_PAGE_SIZE, type CatalogProductAnswer, HOME_PRODUCTS } from "./catalog.server"
import { notModified, PUBLIC_CACHE_CONTROL } from "./http.server"
import { loadCategoryPage, loadHomePage, loadProductPage } from "./pages.server"

const REGION = { id: "reg_cn", name: "中国大陆" }

const apple = {
  id: "prod_apple",
  title: "云南高山红富士苹果",
  handle: "yunnan-fuji-apple",
  thumbnail: "http://localhost:9000/static/apple.jpg",
  description: "  脆甜多汁。\n当天采摘。 ",
  metadata: {
    village: "大山包村",
    province: "云南省",
    prefecture: "昭通市",
    township: "",
    household_code: "ZT-017",
    harvest: "2026-10",
  },
  images: [{ url: "/static/apple-2.jpg" }],
  variants: [
    {
      id: "variant_5",
      title: "5斤装",
      manage_inventory: true,
      allow_backorder: false,
      inventory_quantity: 40,
      calculated_price: { calculated_amount: 39.9, currency_code: "cny" },
    },
    {
      id: "variant_10",
      title: "10斤装",
      manage_inventory: true,
      allow_backorder: false,
      inventory_quantity: 0,
      calculated_price: { calculated_amount: "69.90000000000000000", currency_code: "cny" },
      weight: 4800,
    },
  ],
}

const eggs = {
  id: "prod_eggs",
  title: "农家散养土鸡蛋",
  handle: "free-range-eggs",
  thumbnail: null,
  // Eggs are kept in the pickup point's fridge: "unavailable for my cycle" is decided per storage class.
  metadata: { perishability: "chilled" },
  variants: [
    {
      id: "variant_eggs",
      title: "30枚",
      manage_inventory: true,
      allow_backorder: false,
      inventory_quantity: 0,
      calculated_price: { calculated_amount: 12.8 },
    },
  ],
}

/** A stand-in for @medusajs/js-sdk that answers from memory and records what it was asked. */
function fakeSdk(products: unknown[] = [apple, eggs], regions: unknown[] = [REGION, { id: "reg_hk", name: "香港" }]) {
  const regionList = vi.fn(async (_query: RegionQuery) => ({ regions }))
  const productList = vi.fn(async (query: ProductQuery) => ({
    products:
      query.handle === undefined ? products : products.filter((p) => (p as { handle: string }).handle === query.handle),
  }))
  const sdk: StoreSdk = { store: { region: { list: regionList }, product: { list: productList } } }
  return { sdk, regionList, productList }
}

function client(sdk: StoreSdk, options: Partial<StoreClientOptions> = {}) {
  return createStoreClient({ sdk: () => sdk, backendUrl: "http://localhost:9000", log: () => {}, ...options })
}

async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  const error = await promise.then(
    () => expect.unreachable("the loader should have thrown"),
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Response)
  return error as Response
}

/** The browsing read model's answer for apple and eggs (GET /store/lianxin/catalog), as the backend sends it. */
const CARDS = [
  {
    id: "prod_apple",
    handle: "yunnan-fuji-apple",
    title: "云南高山红富士苹果",
    thumbnail: "/static/apple.jpg",
    price_min_fen: 3990,
    price_max_fen: 6990,
    in_stock: true,
    storage: "ambient",
    unit: null,
  },
  {
    id: "prod_eggs",
    handle: "free-range-eggs",
    title: "农家散养土鸡蛋",
    thumbnail: null,
    price_min_fen: 1280,
    price_max_fen: 1280,
    in_stock: false,
    storage: "chilled",
    unit: "30枚",
  },
]

/** GET /store/lianxin/catalog/products/:handle for apple and eggs, as the backend sends it (decision 027). */
const DETAILS: Record<string, CatalogProductAnswer> = {
  "yunnan-fuji-apple": {
    product: {
      id: "prod_apple",
      handle: "yunnan-fuji-apple",
      title: "云南高山红富士苹果",
      description: "脆甜多汁。\n当天采摘。",
      thumbnail: "http://localhost:9000/static/apple.jpg",
      images: ["/static/apple-2.jpg"],
      storage: "ambient",
      origin: {
        village: "大山包村",
        village_region: "云南省昭通市",
        cooperative: null,
        household_code: "ZT-017",
        harvest: "2026-10",
        harvest_note: null,
      },
      variants: [
        {
          id: "variant_5",
          title: "5斤装",
          price_fen: 3990,
          manage_inventory: true,
          allow_backorder: false,
          inventory_quantity: 40,
          weight_g: null,
        },
        {
          id: "variant_10",
          title: "10斤装",
          price_fen: 6990,
          manage_inventory: true,
          allow_backorder: false,
          inventory_quantity: 0,
          weight_g: 4800,
        },
      ],
      household: {
        code: "ZT-017",
        public_profile: false,
        display_name: "不该出现",
        story: "不该出现",
        photo_url: null,
        village: null,
      },
      price_breakdown: {
        product_id: "prod_apple",
        policy_version: 2,
        household_codes: ["ZT-017"],
        variants: [
          {
            variant_id: "variant_5",
            title: "5斤装",
            price_fen: 3990,
            shares_fen: { household: 2793, cooperative: 399, property_office: 399, platform: 399 },
          },
        ],
      },
    },
  },
  "free-range-eggs": {
    product: {
      id: "prod_eggs",
      handle: "free-range-eggs",
      title: "农家散养土鸡蛋",
      description: null,
      thumbnail: null,
      images: [],
      storage: "chilled",
      origin: {
        village: null,
        village_region: null,
        cooperative: null,
        household_code: null,
        harvest: null,
        harvest_note: null,
      },
      variants: [
        {
          id: "variant_eggs",
          title: "30枚",
          price_fen: 1280,
          manage_inventory: true,
          allow_backorder: false,
          inventory_quantity: 0,
          weight_g: null,
        },
      ],
      household: null,
      price_breakdown: null,
    },
  },
}
const PRODUCT_PATH = "/store/lianxin/catalog/products/"

/** fakeSdk plus the generic client.fetch the catalogue, villages and categories go through. */
function browsingSdk(cards: unknown[] = CARDS, count = cards.length) {
  const base = fakeSdk()
  const fetch = vi.fn(async (path: string, _init?: unknown): Promise<any> => {
    if (path === "/store/lianxin/catalog")
      return { products: cards, count, offset: 0, limit: 24, engine: "meilisearch", degraded: false }
    if (path === "/store/lianxin/catalog/villages")
      return { villages: [{ code: "ZT-DS", name: "大山包村", region: "云南省昭通市", product_count: 7 }] }
    if (path === "/store/product-categories")
      return { product_categories: [{ id: "pcat_fruit", name: "水果", handle: "fruit" }] }
    const detail = path.startsWith(PRODUCT_PATH) ? DETAILS[decodeURIComponent(path.slice(PRODUCT_PATH.length))] : null
    if (detail) return structuredClone(detail)
    throw new FetchError("Not Found", "Not Found", 404)
  })
  // The public copies' version probe is answered "no version" before the mock: nothing is kept between calls, and the
  // mock's answers and counts are the page's own reads (public-cache.server.test.ts tests the copies).
  const probeFirst = (path: string, init?: unknown) =>
    path === "/store/lianxin/catalog/version"
      ? Promise.reject(new FetchError("Not Found", "Not Found", 404))
      : fetch(path, init)
  const sdk: StoreSdk = { ...base.sdk, client: { fetch: probeFirst as never } }
  return { ...base, sdk, fetch }
}

const anonymous = (url = "http://shop.test/", cookie?: string) =>
  new Request(url, cookie ? { headers: { Cookie: cookie } } : {})

describe("home page loader", () => {
  it("asks for one page of cards from the read model and the village counts, never Medusa's product list", async () => {
    const { sdk, productList, fetch } = browsingSdk(CARDS, 5000)
    const result = await loadHomePage(client(sdk), anonymous(), undefined, "http://localhost:9000")

    expect(productList).not.toHaveBeenCalled()
    expect(fetch).toHaveBeenCalledWith("/store/lianxin/catalog", { query: { limit: HOME_PRODUCTS, offset: 0 } })
    expect(HOME_PRODUCTS).toBeLessThanOrEqual(24)
    expect(result.data.total).toBe(5000)
    expect(result.data.villages).toEqual([{ code: "ZT-DS", name: "大山包村", region: "云南省昭通市", productCount: 7 }])
    expect(result.data.products).toEqual([
      {
        id: "prod_apple",
        handle: "yunnan-fuji-apple",
        title: "云南高山红富士苹果",
        thumbnail: "http://localhost:9000/static/apple.jpg",
        priceFen: 3990,
        priceVaries: true,
        unit: null,
        stock: { kind: "in" },
        storage: "ambient",
      },
      {
        id: "prod_eggs",
        handle: "free-range-eggs",
        title: "农家散养土鸡蛋",
        thumbnail: null,
        priceFen: 1280,
        priceVaries: false,
        unit: "30枚",
        stock: { kind: "out" },
        storage: "chilled",
      },
    ])
  })

  it("is shared-cacheable with an ETag for a visitor without personal cookies, and varies by the language cookie", async () => {
    const { sdk } = browsingSdk()
    const headers = (await loadHomePage(client(sdk), anonymous())).init?.headers as Record<string, string>
    expect(headers["Cache-Control"]).toBe(PUBLIC_CACHE_CONTROL)
    expect(PUBLIC_CACHE_CONTROL).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+$/)
    expect(headers.Vary).toBe("Cookie")
    expect(headers.ETag).toMatch(/^W\/"[\w-]+"$/)

    // Same data, same language: same ETag. Another language or other data: another one.
    const again = (await loadHomePage(client(sdk), anonymous())).init?.headers as Record<string, string>
    expect(again.ETag).toBe(headers.ETag)
    const english = (await loadHomePage(client(sdk), anonymous("http://shop.test/", "lang=en"))).init
      ?.headers as Record<string, string>
    expect(english["Cache-Control"]).toBe(PUBLIC_CACHE_CONTROL)
    expect(english.ETag).not.toBe(headers.ETag)
    const cheaper = browsingSdk([{ ...CARDS[0], price_min_fen: 3590 }, CARDS[1]])
    const changed = (await loadHomePage(client(cheaper.sdk), anonymous())).init?.headers as Record<string, string>
    expect(changed.ETag).not.toBe(headers.ETag)
  })

  it("is private, without an ETag, when the browser has a session or a chosen compound", async () => {
    const { sdk } = browsingSdk()
    for (const cookie of ["lx_session=abc", "lang=en; lx_compound=ppt_01ABC"]) {
      const headers = (await loadHomePage(client(sdk), anonymous("http://shop.test/", cookie))).init?.headers as Record<
        string,
        string
      >
      expect(headers["Cache-Control"], cookie).toBe("private, no-cache")
      expect(headers.ETag, cookie).toBeUndefined()
    }
  })

  it("is not stored at all when the list came from the degraded fallback", async () => {
    const base = browsingSdk()
    const usual = base.fetch.getMockImplementation()!
    base.fetch.mockImplementation(async (path, init) =>
      path === "/store/lianxin/catalog"
        ? { products: CARDS, count: 2, offset: 0, limit: 24, engine: "postgres", degraded: true }
        : usual(path, init)
    )
    const headers = (await loadHomePage(client(base.sdk), anonymous())).init?.headers as Record<string, string>
    expect(headers["Cache-Control"]).toBe("no-store")
    expect(headers.ETag).toBeUndefined()
  })

  it("skips a malformed card rather than failing the page", async () => {
    const log = vi.fn()
    const { sdk } = browsingSdk([{ id: "broken" }, CARDS[1]])
    const result = await loadHomePage(client(sdk, { log }), anonymous())
    expect(result.data.products.map((p) => p.handle)).toEqual(["free-range-eggs"])
  })

  it("answers 503 (not a stack trace) when the backend refuses connections", async () => {
    const { sdk, fetch } = browsingSdk()
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9000"), { code: "ECONNREFUSED" })
    fetch.mockRejectedValue(new TypeError("fetch failed", { cause: refused }))
    const response = await thrownResponse(loadHomePage(client(sdk), anonymous()))
    expect(response.status).toBe(503)
    expect(response.headers.get("Cache-Control")).toBe("no-store")
    expect(response.headers.get("Retry-After")).toBe("10")
    expect(await response.json()).toEqual({ reason: "store-unavailable" })
  })

  it("answers 503 when the backend itself fails or is too slow", async () => {
    const failing = browsingSdk()
    failing.fetch.mockRejectedValue(new FetchError("Internal Server Error", "Internal Server Error", 500))
    expect((await thrownResponse(loadHomePage(client(failing.sdk), anonymous()))).status).toBe(503)

    const slow = browsingSdk()
    slow.fetch.mockImplementation(() => new Promise(() => {}))
    expect((await thrownResponse(loadHomePage(client(slow.sdk, { timeoutMs: 20 }), anonymous()))).status).toBe(503)
  })
})

describe("category page loader", () => {
  it("asks the read model for one page of the category by its handle", async () => {
    const { sdk, fetch, productList } = browsingSdk(CARDS, 30)
    const result = await loadCategoryPage(client(sdk), "fruit", anonymous("http://shop.test/categories/fruit?page=2"))
    expect(productList).not.toHaveBeenCalled()
    expect(fetch).toHaveBeenCalledWith("/store/lianxin/catalog", {
      query: { limit: CATEGORY_PAGE_SIZE, offset: CATEGORY_PAGE_SIZE, category: "fruit" },
    })
    expect(result.data).toMatchObject({ page: 2, pages: Math.ceil(30 / CATEGORY_PAGE_SIZE), total: 30 })
  })

  it("throws a 404 for a category that does not exist", async () => {
    const { sdk } = browsingSdk()
    expect((await thrownResponse(loadCategoryPage(client(sdk), "no-such-category", anonymous()))).status).toBe(404)
  })
})

describe("product page headers", () => {
  it("are public with an ETag without personal cookies, private with a compound", async () => {
    const { sdk } = browsingSdk()
    const pub = (
      await loadProductPage(client(sdk), "free-range-eggs", anonymous("http://shop.test/products/free-range-eggs"))
    ).init?.headers as Record<string, string>
    expect(pub["Cache-Control"]).toBe(PUBLIC_CACHE_CONTROL)
    expect(pub.ETag).toBeDefined()
    const mine = (
      await loadProductPage(
        client(sdk),
        "free-range-eggs",
        anonymous("http://shop.test/products/free-range-eggs", "lx_compound=ppt_01ABC")
      )
    ).init?.headers as Record<string, string>
    expect(mine["Cache-Control"]).toBe("private, no-cache")
    expect(mine.ETag).toBeUndefined()
  })
})

describe("conditional requests", () => {
  it("matches If-None-Match weakly, only for GET and HEAD", () => {
    const etag = 'W/"abc"'
    const get = (value: string, method = "GET") =>
      new Request("http://shop.test/", { method, headers: { "If-None-Match": value } })
    expect(notModified(get('W/"abc"'), etag)).toBe(true)
    expect(notModified(get('"abc"'), etag)).toBe(true)
    expect(notModified(get('W/"x", W/"abc"'), etag)).toBe(true)
    expect(notModified(get('W/"abd"'), etag)).toBe(false)
    expect(notModified(get('W/"abc"', "POST"), etag)).toBe(false)
    expect(notModified(new Request("http://shop.test/"), etag)).toBe(false)
    expect(notModified(get('W/"abc"'), null)).toBe(false)
  })
})

describe("product page loader", () => {
  it("loads one product by handle with its details, household and breakdown in one backend call", async () => {
    const { sdk, productList, fetch } = browsingSdk()
    const { data } = await loadProductPage(
      client(sdk),
      "yunnan-fuji-apple",
      undefined,
      undefined,
      "http://localhost:9000"
    )

    expect(productList).not.toHaveBeenCalled()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0]![0]).toBe(`${PRODUCT_PATH}yunnan-fuji-apple`)
    expect(data.product).toMatchObject({
      title: "云南高山红富士苹果",
      priceFen: 3990,
      priceVaries: true,
      description: "脆甜多汁。\n当天采摘。",
      village: "大山包村",
      villageRegion: "云南省昭通市",
      cooperative: null,
      householdCode: "ZT-017",
      harvest: "2026-10",
      images: ["http://localhost:9000/static/apple-2.jpg"],
      stock: { kind: "in" },
    })
    expect(data.product.variants).toEqual([
      // No weight from the backend for the first: its title says it. The backend's weight wins over the title.
      { id: "variant_5", title: "5斤装", priceFen: 3990, stock: { kind: "in" }, weightG: 2500 },
      { id: "variant_10", title: "10斤装", priceFen: 6990, stock: { kind: "out" }, weightG: 4800 },
    ])
    expect(data.villageCode).toBeNull()
    // Without consent nothing personal is shown, even if an answer carried it.
    expect(data.household).toMatchObject({ code: "ZT-017", public: false, displayName: null, story: null })
    expect(data.breakdown).toMatchObject({ productId: "prod_apple", policyVersion: 2, householdCodes: ["ZT-017"] })
    expect(data.breakdown?.variants[0]).toEqual({
      variantId: "variant_5",
      title: "5斤装",
      priceFen: 3990,
      sharesFen: { household: 2793, cooperative: 399, property_office: 399, platform: 399 },
    })
  })

  it("says only N left from the stock count, and leaves producer details out when there are none", async () => {
    const { sdk, fetch } = browsingSdk()
    const low = structuredClone(DETAILS["free-range-eggs"]!)
    low.product.variants[0]!.inventory_quantity = 3
    fetch.mockResolvedValueOnce(low)
    const { data } = await loadProductPage(client(sdk), "free-range-eggs")
    expect(data.product.stock).toEqual({ kind: "low", count: 3 })
    expect(data.product.storage).toBe("chilled")
    expect(data.product.village).toBeNull()
    expect(data.product.villageRegion).toBeNull()
    expect(data.product.householdCode).toBeNull()
    expect(data.product.description).toBeNull()
    expect(data.household).toBeNull()
    expect(data.breakdown).toBeNull()
  })

  it("throws a 404 Response for an unknown handle (the backend's 404)", async () => {
    const response = await thrownResponse(loadProductPage(client(browsingSdk().sdk), "no-such-thing"))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ reason: "product-not-found" })
  })

  it("fails loudly on an answer that does not fit the contract, and answers 503 when the backend cannot", async () => {
    const { sdk, fetch } = browsingSdk()
    fetch.mockResolvedValueOnce({ product: { id: "prod_apple", handle: "yunnan-fuji-apple" } })
    await expect(loadProductPage(client(sdk), "yunnan-fuji-apple")).rejects.toThrow(/title|images|variants/)
    fetch.mockRejectedValueOnce(new FetchError("boom", "Internal Server Error", 500))
    expect((await thrownResponse(loadProductPage(client(sdk), "yunnan-fuji-apple"))).status).toBe(503)
  })

  it("does not ask the backend about handles that cannot exist", async () => {
    const { sdk, productList, fetch } = browsingSdk()
    const response = await thrownResponse(loadProductPage(client(sdk), "../../admin"))
    expect(response.status).toBe(404)
    expect(productList).not.toHaveBeenCalled()
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe("store client", () => {
  it("reuses the region id within its time to live, then asks again", async () => {
    let now = 0
    const { sdk, regionList } = fakeSdk()
    const store = client(sdk, { now: () => now, regionTtlMs: 1_000 })
    await store.listProducts()
    await store.listProducts({ categoryId: "pcat_fruit" })
    expect(regionList).toHaveBeenCalledTimes(1)
    now = 1_001
    await store.listProducts()
    expect(regionList).toHaveBeenCalledTimes(2)
  })

  it("shares one region lookup between concurrent requests and does not cache a failure", async () => {
    const { sdk, regionList } = fakeSdk()
    regionList.mockRejectedValueOnce(new TypeError("fetch failed"))
    const store = client(sdk)
    await expect(store.listProducts()).rejects.toThrow()
    await Promise.all([store.listProducts(), store.listProducts(), store.listProducts()])
    expect(regionList).toHaveBeenCalledTimes(2)
  })

  it("looks the region up again when the backend was reseeded under it", async () => {
    const { sdk, regionList, productList } = fakeSdk()
    const store = client(sdk)
    await store.listProducts()
    regionList.mockResolvedValue({ regions: [{ id: "reg_new", name: "中国大陆" }] })
    productList.mockImplementationOnce(async () => {
      throw new FetchError("Region with id reg_cn not found when populating the pricing context", "Bad Request", 400)
    })
    const products = await store.listProducts()
    expect(products).toHaveLength(2)
    expect(productList).toHaveBeenLastCalledWith(expect.objectContaining({ region_id: "reg_new" }))
  })

  it("re-reads the publishable key once when the backend rejects it", async () => {
    const { sdk, regionList } = fakeSdk()
    regionList.mockRejectedValueOnce(
      new FetchError("A valid publishable key is required to proceed with the request", "Bad Request", 400)
    )
    const onKeyRejected = vi.fn()
    const products = await client(sdk, { onKeyRejected }).listProducts()
    expect(onKeyRejected).toHaveBeenCalledTimes(1)
    expect(products).toHaveLength(2)
  })

  it("answers 503 against a real SDK when nothing listens on the backend port", async () => {
    const port = await unusedPort()
    const backendUrl = `http://127.0.0.1:${port}`
    const sdk = new Medusa({
      baseUrl: backendUrl,
      publishableKey: "pk_test",
      auth: { jwtTokenStorageMethod: "nostore" },
    })
    const response = await thrownResponse(
      loadHomePage(createStoreClient({ sdk: () => sdk, backendUrl, log: () => {} }))
    )
    expect(response.status).toBe(503)
  })
})

describe("publishable key source", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-key-"))
  const file = path.join(dir, "publishable-key")
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  beforeEach(() => fs.rmSync(file, { force: true }))

  it("waits for the backend to write the file, then caches it until told to forget", async () => {
    const keys = createKeySource({ kind: "file", path: file })
    vi.spyOn(console, "error").mockImplementation(() => {})
    await expect(keys.get()).rejects.toMatchObject({ reason: "publishable-key-missing" })

    fs.writeFileSync(file, "pk_first\n")
    expect(await keys.get()).toBe("pk_first")
    fs.writeFileSync(file, "pk_second\n")
    expect(await keys.get()).toBe("pk_first")
    keys.forget()
    expect(await keys.get()).toBe("pk_second")
    expect(keys.refreshable).toBe(true)
  })

  it("uses a key from the environment as is", async () => {
    const keys = createKeySource({ kind: "value", value: "pk_env" })
    expect(await keys.get()).toBe("pk_env")
    expect(keys.refreshable).toBe(false)
  })
})

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
