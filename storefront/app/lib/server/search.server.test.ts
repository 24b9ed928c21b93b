import { describe, expect, it } from "vitest"
import type { CategoryView } from "../catalog"
import { StoreUnavailableError } from "./medusa.server"
import { backendQuery, cachedCategories, loadSearchPage, loadSuggestions, type SearchPageData } from "./search.server"
import { parseSearchParams } from "../search"
import { fakeStore, FakeHttpError, initOf, payload, thrown } from "./testing/fake-store"

const categories: CategoryView[] = [
  { id: "pcat_fruit", name: "水果", handle: "fruit", description: null },
  { id: "pcat_eggs", name: "禽蛋", handle: "eggs", description: null },
]

const apple = {
  id: "prod_apple",
  handle: "fuji-apple-luochuan",
  title: "塬上红富士苹果",
  title_segments: [
    { text: "塬上红富士", hit: false },
    { text: "苹果", hit: true },
  ],
  thumbnail: "/static/apple.svg",
  price_min_fen: 3990,
  price_max_fen: 7200,
  in_stock: true,
  storage: "ambient",
  category_names: ["水果"],
  category_handles: ["fruit"],
  villages: ["沟坡村"],
  provinces: ["陕西省"],
  household_codes: ["SX-YA-008"],
}

const answer = (over: Record<string, unknown> = {}) => ({
  query: "苹果",
  products: [apple],
  count: 1,
  page: 1,
  limit: 12,
  facets: {
    category_handles: [
      { value: "fruit", count: 1 },
      { value: "eggs", count: 0 },
      { value: "gone-category", count: 2 },
    ],
    provinces: [{ value: "陕西省", count: 1 }],
    villages: [{ value: "沟坡村", count: 1 }],
    price_band: [
      { value: "100+", count: 1 },
      { value: "20-50", count: 1 },
    ],
    storage: [{ value: "ambient", count: 1 }],
    in_stock: [
      { value: "false", count: 3 },
      { value: "true", count: 1 },
    ],
  },
  engine: "meilisearch",
  degraded: false,
  ...over,
})

function storeWith(routes: Parameters<typeof fakeStore>[0]) {
  const fake = fakeStore(routes)
  fake.store.listCategories = async () => categories
  return fake
}

const request = (query: string) => new Request(`http://shop.test/search?${query}`)
const quiet = () => {}

describe("loadSearchPage", () => {
  it("asks the backend with the page's filters and turns its answer into results with named facets", async () => {
    const { store, calls } = storeWith({ "GET /store/lianxin/search": () => answer() })
    const result = await loadSearchPage(
      store,
      request("q=苹果&category=fruit&price=20-50&in_stock=true&sort=price_asc"),
      {
        backendUrl: "http://backend.test",
        log: quiet,
      }
    )
    expect(calls[0]?.init.query).toEqual({
      q: "苹果",
      category: "fruit",
      price: "20-50",
      in_stock: "true",
      sort: "price_asc",
      page: "1",
      limit: "12",
    })
    const page = payload<SearchPageData>(result)
    expect(page.unavailable).toBe(false)
    const [hit] = page.results?.hits ?? []
    expect(hit).toMatchObject({
      handle: "fuji-apple-luochuan",
      priceFen: 3990,
      priceVaries: true,
      thumbnail: "http://backend.test/static/apple.svg",
      villages: ["沟坡村"],
    })
    expect(hit?.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["苹果"])
    const facets = page.results?.facets
    // Names, not handles; zero counts and categories that no longer exist are left out.
    expect(facets?.category).toEqual([{ value: "fruit", label: "水果", count: 1, selected: true }])
    // Price bands in their natural order, whatever order the engine counted them in.
    expect(facets?.price.map((o) => o.value)).toEqual(["20-50", "100+"])
    expect(facets?.price.find((o) => o.selected)?.value).toBe("20-50")
    expect(facets?.inStock).toEqual([{ value: "true", label: "true", count: 1, selected: true }])
    expect(initOf(result).headers).toMatchObject({
      "Cache-Control": expect.stringContaining("public"),
      // The page's data hashed: a revalidation gets a 304, and the rendered page can be kept (decision 031).
      ETag: expect.stringMatching(/^W\/"[\w-]{27}"$/),
    })
  })

  it("keeps a chosen filter visible even when nothing is left under it", async () => {
    const { store } = storeWith({
      "GET /store/lianxin/search": () => answer({ products: [], count: 0, facets: { provinces: [] } }),
    })
    const page = payload<SearchPageData>(await loadSearchPage(store, request("province=云南省"), { log: quiet }))
    expect(page.results?.facets.province).toEqual([{ value: "云南省", label: "云南省", count: 0, selected: true }])
    expect(page.results?.hits).toEqual([])
  })

  it("passes the degraded flag on and does not let the page be cached", async () => {
    const { store } = storeWith({ "GET /store/lianxin/search": () => answer({ degraded: true, engine: "postgres" }) })
    const result = await loadSearchPage(store, request("q=苹果"), { log: quiet })
    expect(payload<SearchPageData>(result).results?.degraded).toBe(true)
    expect(initOf(result).headers).toMatchObject({ "Cache-Control": "no-store" })
  })

  it("says search is unavailable (with categories) when the backend has no search route or refuses the query", async () => {
    for (const failure of [new FakeHttpError(404, "Not Found"), new FakeHttpError(400, "Invalid request: q")]) {
      const logged: string[] = []
      const { store } = storeWith({ "GET /store/lianxin/search": () => Promise.reject(failure) })
      const result = await loadSearchPage(store, request("q=苹果"), { log: (m) => logged.push(m) })
      const page = payload<SearchPageData>(result)
      expect(page).toMatchObject({ unavailable: true, results: null })
      expect(page.categories).toEqual([
        { handle: "fruit", name: "水果" },
        { handle: "eggs", name: "禽蛋" },
      ])
      expect(logged.join("\n")).toMatch(/search/)
      expect(initOf(result).headers).toMatchObject({ "Cache-Control": "no-store" })
    }
  })

  it("answers 503 like every catalogue page when the backend cannot be reached", async () => {
    const { store } = storeWith({
      "GET /store/lianxin/search": () =>
        Promise.reject(new StoreUnavailableError("backend-unreachable", "cannot reach")),
    })
    const response = await thrown(loadSearchPage(store, request("q=苹果"), { log: quiet }))
    expect(response.status).toBe(503)
  })

  it("shows the title as it is when the backend's segments do not spell it", async () => {
    const odd = { ...apple, title_segments: [{ text: "别的", hit: true }] }
    const { store } = storeWith({ "GET /store/lianxin/search": () => answer({ products: [odd] }) })
    const page = payload<SearchPageData>(await loadSearchPage(store, request("q=苹果"), { log: quiet }))
    expect(page.results?.hits[0]?.segments).toEqual([{ text: "塬上红富士苹果", hit: false }])
  })

  it("treats a product indexed without a CNY price as price unknown, not free", async () => {
    const { store } = storeWith({
      "GET /store/lianxin/search": () => answer({ products: [{ ...apple, price_min_fen: 0, price_max_fen: 0 }] }),
    })
    const page = payload<SearchPageData>(await loadSearchPage(store, request("q=苹果"), { log: quiet }))
    expect(page.results?.hits[0]).toMatchObject({ priceFen: null, priceVaries: false })
  })
})

describe("backendQuery", () => {
  it("sends only the backend's parameter names and nothing it would refuse", () => {
    const query = backendQuery(
      parseSearchParams(new URLSearchParams("q=蛋&storage=chilled&in_stock=false&page=2&unknown=1"))
    )
    expect(query).toEqual({ q: "蛋", storage: "chilled", in_stock: "false", sort: "relevance", page: "2", limit: "12" })
  })
})

describe("loadSuggestions", () => {
  const suggest = {
    query: "pingguo",
    products: [{ ...apple, title_segments: [{ text: "塬上红富士苹果", hit: false }] }],
    categories: [
      { value: "fruit", count: 1 },
      { value: "gone-category", count: 1 },
    ],
    degraded: false,
  }

  it("returns products and named categories for the box", async () => {
    const { store, calls } = storeWith({ "GET /store/lianxin/search/suggest": () => suggest })
    const response = await loadSuggestions(store, new Request("http://shop.test/search/suggest?q=%20pingguo%20"), quiet)
    expect(calls[0]?.init.query).toEqual({ q: "pingguo", limit: "6" })
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60")
    expect(await response.json()).toEqual({
      query: "pingguo",
      products: [
        {
          handle: "fuji-apple-luochuan",
          title: "塬上红富士苹果",
          segments: [{ text: "塬上红富士苹果", hit: false }],
          priceFen: 3990,
          priceVaries: true,
          inStock: true,
        },
      ],
      categories: [{ handle: "fruit", name: "水果", count: 1 }],
    })
  })

  it("asks nothing for an empty box and answers empty (never an error) when the backend fails", async () => {
    const { store, calls } = storeWith({
      "GET /store/lianxin/search/suggest": () => Promise.reject(new StoreUnavailableError("backend-timeout", "slow")),
    })
    const empty = await loadSuggestions(store, new Request("http://shop.test/search/suggest?q=%20"), quiet)
    expect(await empty.json()).toEqual({ query: "", products: [], categories: [] })
    expect(calls).toHaveLength(0)
    const failed = await loadSuggestions(store, new Request("http://shop.test/search/suggest?q=蛋"), quiet)
    expect(failed.status).toBe(200)
    expect(failed.headers.get("Cache-Control")).toBe("no-store")
    expect(await failed.json()).toEqual({ query: "蛋", products: [], categories: [] })
  })
})

describe("cachedCategories", () => {
  it("asks the backend once a minute and again after a failure", async () => {
    let asked = 0
    let fail = true
    const { store } = fakeStore({})
    store.listCategories = async () => {
      asked++
      if (fail) throw new Error("down")
      return categories
    }
    await expect(cachedCategories(store, 0)).rejects.toThrow("down")
    fail = false
    expect(await cachedCategories(store, 1)).toEqual(categories)
    expect(await cachedCategories(store, 30_000)).toEqual(categories)
    expect(asked).toBe(2)
    await cachedCategories(store, 61_002)
    expect(asked).toBe(3)
  })
})
