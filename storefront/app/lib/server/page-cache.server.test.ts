import { Readable } from "node:stream"
import { describe, expect, it } from "vitest"
import { createPageCache, keptPageKey, recordingStream } from "./page-cache.server"

const NONCE_A = "AAAAAAAAAAAAAAAAAAAAAA=="
const NONCE_B = "BBBBBBBBBBBBBBBBBBBBBB=="
const page = (nonce: string) =>
  `<html><script nonce="${nonce}">x</script><p>锦绣天地</p><script nonce="${nonce}">y</script></html>`

describe("createPageCache", () => {
  it("gives the kept document with the new response's nonce in every place the old one was", () => {
    const cache = createPageCache()
    cache.set("k", page(NONCE_A), NONCE_A)
    expect(cache.get("k", NONCE_B)).toBe(page(NONCE_B))
    expect(cache.get("other", NONCE_B)).toBeNull()
  })

  it("forgets a page after maxAgeMs and keeps at most maxEntries", () => {
    let t = 0
    const cache = createPageCache({ maxAgeMs: 10_000, maxEntries: 2, now: () => t })
    cache.set("a", page(NONCE_A), NONCE_A)
    t = 9_999
    expect(cache.get("a", NONCE_B)).not.toBeNull()
    t = 10_000
    expect(cache.get("a", NONCE_B)).toBeNull()
    cache.set("a", page(NONCE_A), NONCE_A)
    cache.set("b", page(NONCE_A), NONCE_A)
    cache.set("c", page(NONCE_A), NONCE_A)
    expect(cache.get("a", NONCE_B)).toBeNull()
    expect(cache.get("c", NONCE_B)).not.toBeNull()
  })

  it("counts a page's age from the render time it is given, and gives that time back", () => {
    let t = 20_000
    const cache = createPageCache({ maxAgeMs: 10_000, now: () => t })
    cache.set("a", page(NONCE_A), NONCE_A, [["etag", 'W/"e1"']], 12_000)
    expect(cache.read("a", NONCE_B)).toEqual({ html: page(NONCE_B), headers: [["etag", 'W/"e1"']], at: 12_000 })
    t = 22_000
    expect(cache.get("a", NONCE_B)).toBeNull()
  })

  it("keeps nothing whose nonce is not in the document or is too short to be unmistakable", () => {
    const cache = createPageCache()
    cache.set("none", "<html></html>", NONCE_A)
    cache.set("short", page("abc"), "abc")
    expect(cache.get("none", NONCE_B)).toBeNull()
    expect(cache.get("short", NONCE_B)).toBeNull()
  })
})

describe("keptPageKey", () => {
  const req = (url = "http://shop.test/products/apple?x=1", method = "GET") => new Request(url, { method })
  const publicPage = () => new Headers({ ETag: 'W/"e1"', "Cache-Control": "public, max-age=0, s-maxage=30" })

  it("keys a public page by its ETag and URL with the query", () => {
    expect(keptPageKey(req(), 200, publicPage(), NONCE_A)).toBe('W/"e1" /products/apple?x=1')
    expect(keptPageKey(req("http://shop.test/products/apple"), 200, publicPage(), NONCE_A)).toBe(
      'W/"e1" /products/apple'
    )
  })

  it("keeps no private page, error, HEAD, page without ETag or nonce, or page that sets a cookie", () => {
    expect(
      keptPageKey(req(), 200, new Headers({ ETag: 'W/"e1"', "Cache-Control": "private, no-cache" }), NONCE_A)
    ).toBe(null)
    expect(keptPageKey(req(), 404, publicPage(), NONCE_A)).toBeNull()
    expect(keptPageKey(req(undefined, "HEAD"), 200, publicPage(), NONCE_A)).toBeNull()
    expect(keptPageKey(req(), 200, new Headers({ "Cache-Control": "public" }), NONCE_A)).toBeNull()
    expect(keptPageKey(req(), 200, publicPage(), undefined)).toBeNull()
    const cookie = publicPage()
    cookie.append("Set-Cookie", "lang=en")
    expect(keptPageKey(req(), 200, cookie, NONCE_A)).toBeNull()
  })
})

describe("recordingStream", () => {
  it("passes every byte through and hands over the whole text at the end, split characters included", async () => {
    let kept = ""
    const bytes = Buffer.from("<p>锦绣天地</p>")
    const parts = [bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7)]
    const out: Buffer[] = []
    await new Promise<void>((resolve) => {
      Readable.from(parts)
        .pipe(
          recordingStream((text) => {
            kept = text
          })
        )
        .on("data", (c: Buffer) => out.push(c))
        .on("end", resolve)
    })
    expect(Buffer.concat(out).toString("utf8")).toBe("<p>锦绣天地</p>")
    expect(kept).toBe("<p>锦绣天地</p>")
  })
})
