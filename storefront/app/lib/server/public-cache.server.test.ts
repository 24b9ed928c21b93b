import { describe, expect, it } from "vitest"
import { listCatalog, readProductPage } from "./catalog.server"
import { createPublicCache, publicKey } from "./public-cache.server"
import { FakeHttpError, fakeStore } from "./testing/fake-store"

function clock(start = 1_000_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe("createPublicCache", () => {
  it("answers from the copy while the version stays, and asks again once it changes", async () => {
    let version = "v1"
    let loads = 0
    const time = clock()
    const cache = createPublicCache(async () => version, { checkEveryMs: 1_000, now: time.now })
    const load = async () => `answer ${++loads} (${version})`

    expect(await cache.read("k", load)).toBe("answer 1 (v1)")
    expect(await cache.read("k", load)).toBe("answer 1 (v1)")
    time.advance(5_000)
    expect(await cache.read("k", load)).toBe("answer 1 (v1)")
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1 })

    version = "v2"
    // Within a second of the last check the old version is still believed …
    time.advance(500)
    expect(await cache.read("k", load)).toBe("answer 1 (v1)")
    // … after it, the change is seen and the copy is made again.
    time.advance(600)
    expect(await cache.read("k", load)).toBe("answer 2 (v2)")
    expect(await cache.read("k", load)).toBe("answer 2 (v2)")
    expect(loads).toBe(2)
  })

  it("asks for the version once however many views wait for it, and at most once per interval", async () => {
    let reads = 0
    let release: (v: string) => void = () => {}
    const time = clock()
    const cache = createPublicCache(
      () => {
        reads++
        return new Promise<string>((resolve) => {
          release = resolve
        })
      },
      { checkEveryMs: 1_000, now: time.now }
    )
    let loads = 0
    const views = Array.from({ length: 50 }, () => cache.read("home", async () => ++loads))
    release("v1")
    const answers = await Promise.all(views)
    expect(reads).toBe(1)
    // One load for fifty concurrent views of the same page: they share the copy in flight.
    expect(loads).toBe(1)
    expect(new Set(answers)).toEqual(new Set([1]))
    time.advance(999)
    await cache.read("home", async () => ++loads)
    expect(reads).toBe(1)
  })

  it("keeps nothing when the backend has no version or cannot give it", async () => {
    let loads = 0
    const none = createPublicCache(async () => null, { checkEveryMs: 0 })
    await none.read("k", async () => ++loads)
    await none.read("k", async () => ++loads)
    expect(loads).toBe(2)
    const failing = createPublicCache(
      async () => {
        throw new Error("backend down")
      },
      { checkEveryMs: 0 }
    )
    await failing.read("k", async () => ++loads)
    await failing.read("k", async () => ++loads)
    expect(loads).toBe(4)
    expect(failing.stats().bypassed).toBe(2)
  })

  it("does not keep failures or what `keep` refuses", async () => {
    const cache = createPublicCache(async () => "v1", { checkEveryMs: 60_000 })
    let loads = 0
    await expect(
      cache.read("k", async () => {
        loads++
        throw new Error("boom")
      })
    ).rejects.toThrow("boom")
    await expect(cache.read("k", async () => ++loads)).resolves.toBe(2)
    await expect(cache.read("k", async () => ++loads)).resolves.toBe(2)

    const degraded = { degraded: true }
    const keepIndexOnly = (v: { degraded: boolean }) => !v.degraded
    expect(await cache.read("d", async () => degraded, keepIndexOnly)).toBe(degraded)
    const fresh = { degraded: false }
    expect(await cache.read("d", async () => fresh, keepIndexOnly)).toBe(fresh)
    expect(await cache.read("d", async () => ({ degraded: false }), keepIndexOnly)).toBe(fresh)
  })

  it("drops the least recently used copy beyond its size", async () => {
    const cache = createPublicCache(async () => "v1", { checkEveryMs: 60_000, maxEntries: 2 })
    let loads = 0
    const read = (k: string) => cache.read(k, async () => `${k}${++loads}`)
    await read("a")
    await read("b")
    await read("a") // a is now the most recent
    await read("c") // drops b
    expect(await read("a")).toBe("a1")
    expect(await read("b")).toBe("b4")
  })
})

describe("public reads through the copies", () => {
  const card = (handle: string, fen: number) => ({
    id: `prod_${handle}`,
    handle,
    title: handle,
    thumbnail: null,
    price_min_fen: fen,
    price_max_fen: fen,
    in_stock: true,
    storage: "ambient",
    unit: null,
  })

  it("a price change shows on the next list once the catalogue version moves, and not before", async () => {
    let version = "1"
    let fen = 1290
    const { store, calls } = fakeStore({
      "GET /store/lianxin/catalog/version": () => ({ version }),
      "GET /store/lianxin/catalog": () => ({ products: [card("oil", fen)], count: 1, degraded: false }),
    })
    process.env.LIANXIN_PUBLIC_CACHE_CHECK_MS = "0"
    try {
      const first = await listCatalog(store, "http://b", { limit: 24 })
      expect(first.products[0]?.priceFen).toBe(1290)
      await listCatalog(store, "http://b", { limit: 24 })
      expect(calls.filter((c) => c.path === "/store/lianxin/catalog")).toHaveLength(1)

      fen = 1990
      // The backend changed the price but its index has not applied it yet: the version has not moved.
      expect((await listCatalog(store, "http://b", { limit: 24 })).products[0]?.priceFen).toBe(1290)
      version = "2"
      expect((await listCatalog(store, "http://b", { limit: 24 })).products[0]?.priceFen).toBe(1990)
      // Another page of the same list is its own copy.
      await listCatalog(store, "http://b", { limit: 24, offset: 24 })
      expect(calls.filter((c) => c.path === "/store/lianxin/catalog")).toHaveLength(3)
    } finally {
      delete process.env.LIANXIN_PUBLIC_CACHE_CHECK_MS
    }
  })

  it("a product nobody sells is asked again every time; a backend error is not kept", async () => {
    let fail = true
    const { store, calls } = fakeStore({
      "GET /store/lianxin/catalog/version": () => ({ version: "1" }),
      "GET /store/lianxin/catalog/products/:handle": ({ handle }) => {
        if (handle === "gone") throw new FakeHttpError(404, "Not Found")
        if (fail) throw new FakeHttpError(500, "boom")
        throw new FakeHttpError(404, "Not Found")
      },
    })
    expect(await readProductPage(store, "http://b", "gone")).toBeNull()
    expect(await readProductPage(store, "http://b", "gone")).toBeNull()
    await expect(readProductPage(store, "http://b", "other")).rejects.toThrow("boom")
    fail = false
    expect(await readProductPage(store, "http://b", "other")).toBeNull()
    expect(calls.filter((c) => c.path.startsWith("/store/lianxin/catalog/products/"))).toHaveLength(4)
  })

  it("keys by path and query whatever the order of the query's names", () => {
    expect(publicKey("/p", { a: 1, b: 2 })).toBe(publicKey("/p", { b: 2, a: 1 }))
    expect(publicKey("/p", { a: 1 })).not.toBe(publicKey("/p", { a: 2 }))
    expect(publicKey("/p")).not.toBe(publicKey("/q"))
  })
})
