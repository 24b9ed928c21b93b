import { describe, expect, it, vi } from "vitest"

describe("page ETags across storefront processes", () => {
  it("two processes of one build (a fresh module each) give a page the same ETag; other data gives another", async () => {
    const request = new Request("http://shop.test/products/fuji-apple")
    const first = await import("./http.server")
    vi.resetModules()
    const second = await import("./http.server")
    expect(second).not.toBe(first)
    expect(second.ETAG_SALT).toMatch(/^[0-9a-f]{16}$/)
    expect(second.ETAG_SALT).toBe(first.ETAG_SALT)
    const data = { product: { id: "prod_1", price_fen: 1280 } }
    expect(second.pageEtag(request, data)).toBe(first.pageEtag(request, data))
    expect(first.pageEtag(request, { product: { id: "prod_1", price_fen: 1290 } })).not.toBe(
      first.pageEtag(request, data)
    )
  })
})
