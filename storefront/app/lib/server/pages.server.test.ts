import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import Medusa, { FetchError } from "@medusajs/js-sdk"
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest"
import {
  PRODUCT_DETAIL_FIELDS,
  PRODUCT_LIST_FIELDS,
  createKeySource,
  createStoreClient,
  type ProductQuery,
  type RegionQuery,
  type StoreClientOptions,
  type StoreSdk,
} from "./medusa.server"
import { loadHomePage, loadProductPage, PUBLIC_PAGE_HEADERS } from "./pages.server"

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

describe("home page loader", () => {
  it("lists products in the 中国大陆 region with only the fields the page needs", async () => {
    const { sdk, regionList, productList } = fakeSdk()
    const result = await loadHomePage(client(sdk))

    expect(regionList).toHaveBeenCalledTimes(1)
    expect(productList).toHaveBeenCalledWith({ region_id: "reg_cn", fields: PRODUCT_LIST_FIELDS, limit: 100 })
    expect(PRODUCT_LIST_FIELDS).not.toContain("*")
    expect(PRODUCT_LIST_FIELDS).not.toContain("description")

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

  it("sends cache-friendly headers that vary by the language cookie", async () => {
    const result = await loadHomePage(client(fakeSdk().sdk))
    expect(result.init?.headers).toEqual(PUBLIC_PAGE_HEADERS)
    expect(PUBLIC_PAGE_HEADERS["Cache-Control"]).toBe("public, max-age=60, stale-while-revalidate=300")
    expect(PUBLIC_PAGE_HEADERS.Vary).toBe("Cookie")
  })

  it("skips a malformed product rather than failing the page", async () => {
    const log = vi.fn()
    const { sdk } = fakeSdk([{ id: "broken" }, eggs])
    const result = await loadHomePage(client(sdk, { log }))
    expect(result.data.products.map((p) => p.handle)).toEqual(["free-range-eggs"])
    expect(log).toHaveBeenCalledWith(expect.stringContaining("skipping a product"))
  })

  it("answers 503 (not a stack trace) when the backend refuses connections", async () => {
    const { sdk, regionList } = fakeSdk()
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9000"), { code: "ECONNREFUSED" })
    regionList.mockRejectedValue(new TypeError("fetch failed", { cause: refused }))
    const response = await thrownResponse(loadHomePage(client(sdk)))
    expect(response.status).toBe(503)
    expect(response.headers.get("Cache-Control")).toBe("no-store")
    expect(response.headers.get("Retry-After")).toBe("10")
    expect(await response.json()).toEqual({ reason: "store-unavailable" })
  })

  it("answers 503 when the backend itself fails or is too slow", async () => {
    const failing = fakeSdk()
    failing.productList.mockRejectedValue(new FetchError("Internal Server Error", "Internal Server Error", 500))
    expect((await thrownResponse(loadHomePage(client(failing.sdk)))).status).toBe(503)

    const slow = fakeSdk()
    slow.productList.mockImplementation(() => new Promise(() => {}))
    expect((await thrownResponse(loadHomePage(client(slow.sdk, { timeoutMs: 20 })))).status).toBe(503)
  })

  it("answers 503 when the region has not been seeded yet", async () => {
    const { sdk } = fakeSdk([apple], [{ id: "reg_other", name: "Europe" }])
    expect((await thrownResponse(loadHomePage(client(sdk)))).status).toBe(503)
  })

  it("lets programming errors through as real errors", async () => {
    const { sdk, productList } = fakeSdk()
    productList.mockRejectedValue(new FetchError("Invalid fields", "Bad Request", 400))
    await expect(loadHomePage(client(sdk))).rejects.toThrow("Invalid fields")
  })
})

describe("product page loader", () => {
  it("loads one product by handle with its details", async () => {
    const { sdk, productList } = fakeSdk()
    const { data } = await loadProductPage(client(sdk), "yunnan-fuji-apple")

    expect(productList).toHaveBeenCalledWith({
      region_id: "reg_cn",
      handle: "yunnan-fuji-apple",
      fields: PRODUCT_DETAIL_FIELDS,
      limit: 1,
    })
    expect(data.product).toMatchObject({
      title: "云南高山红富士苹果",
      priceFen: 3990,
      description: "脆甜多汁。\n当天采摘。",
      village: "大山包村",
      villageRegion: "云南省昭通市",
      cooperative: null,
      householdCode: "ZT-017",
      images: ["http://localhost:9000/static/apple-2.jpg"],
    })
    expect(data.product.variants).toEqual([
      // No weight from Medusa for the first: its title says it. Medusa's weight wins over the title (4.8 kg net).
      { id: "variant_5", title: "5斤装", priceFen: 3990, stock: { kind: "in" }, weightG: 2500 },
      { id: "variant_10", title: "10斤装", priceFen: 6990, stock: { kind: "out" }, weightG: 4800 },
    ])
  })

  it("leaves producer details out when the metadata has none", async () => {
    const { data } = await loadProductPage(client(fakeSdk().sdk), "free-range-eggs")
    expect(data.product.village).toBeNull()
    expect(data.product.villageRegion).toBeNull()
    expect(data.product.householdCode).toBeNull()
    expect(data.product.description).toBeNull()
  })

  it("throws a 404 Response for an unknown handle", async () => {
    const response = await thrownResponse(loadProductPage(client(fakeSdk().sdk), "no-such-thing"))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ reason: "product-not-found" })
  })

  it("does not ask the backend about handles that cannot exist", async () => {
    const { sdk, productList } = fakeSdk()
    const response = await thrownResponse(loadProductPage(client(sdk), "../../admin"))
    expect(response.status).toBe(404)
    expect(productList).not.toHaveBeenCalled()
  })
})

describe("store client", () => {
  it("reuses the region id within its time to live, then asks again", async () => {
    let now = 0
    const { sdk, regionList } = fakeSdk()
    const store = client(sdk, { now: () => now, regionTtlMs: 1_000 })
    await store.listProducts()
    await store.getProduct("free-range-eggs")
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
