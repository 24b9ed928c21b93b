import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  MAX_LIMIT,
  STORE_MAX_LIMIT,
  checkBody,
  checkRequestTarget,
  decodeComponent,
  hasControlCharacter,
} from "./request-guard"

describe("checkRequestTarget", () => {
  it("lets ordinary requests through, Chinese search terms and arrays included", () => {
    for (const url of [
      "/store/products?limit=20&offset=40&fields=id,title",
      "/store/products?q=%E8%8B%B9%E6%9E%9C&category_id[]=pcat_1&category_id[]=pcat_2",
      "/admin/products?limit=9999",
      "/store/products/prod_01ABC/price-breakdown",
      "/store/households/YN-LC-001",
      "/store/pickup-points?q=a+b%20c",
      "/app/",
      "/health",
      "/store/products?",
      "/store/products?flag",
    ]) {
      expect(checkRequestTarget(url, { store: url.startsWith("/store") }), url).toBeNull()
    }
  })

  it("refuses NUL and other control characters in a path segment, naming its position", () => {
    expect(checkRequestTarget("/store/products/%00/price-breakdown")).toEqual({
      field: "path segment 3",
      reason: "contains a control character (such as NUL)",
    })
    expect(checkRequestTarget("/store/products/a%0Ab")?.field).toBe("path segment 3")
  })

  it("refuses malformed percent-encodings and invalid UTF-8 in the path", () => {
    expect(checkRequestTarget("/store/products/%E0%A4%A")).toEqual({
      field: "path segment 3",
      reason: "has a malformed percent-encoding",
    })
    expect(checkRequestTarget("/store/products/%zz")?.reason).toBe("has a malformed percent-encoding")
    expect(checkRequestTarget("/store/products/%C3%28")).toEqual({
      field: "path segment 3",
      reason: "is not valid UTF-8",
    })
    expect(checkRequestTarget("/store/products/%ED%A0%80")?.reason).toBe("is not valid UTF-8")
    expect(checkRequestTarget("/store/products/\u00e9")?.reason).toBe(
      "contains characters that must be percent-encoded"
    )
  })

  it("names the query parameter that is malformed or carries NUL", () => {
    expect(checkRequestTarget("/store/products?q=%00")).toEqual({
      field: "q",
      reason: "contains a control character (such as NUL)",
    })
    expect(checkRequestTarget("/store/products?fields=%FF")).toEqual({ field: "fields", reason: "is not valid UTF-8" })
    expect(checkRequestTarget("/store/products?handle=100%")).toEqual({
      field: "handle",
      reason: "has a malformed percent-encoding",
    })
    expect(checkRequestTarget("/store/products?%FF=1")?.field).toBe("query parameter name")
    expect(checkRequestTarget("/store/products?a%00b=1")?.field).toBe("query parameter name")
  })

  it("accepts limit and offset only as single whole numbers within bounds", () => {
    const bad = ["-1", "1.5", "1e3", "abc", "", " 1", "0x10", "99999999999999999999"]
    for (const v of bad) {
      expect(checkRequestTarget(`/store/products?limit=${encodeURIComponent(v)}`, { store: true })?.field, v).toBe(
        "limit"
      )
      expect(checkRequestTarget(`/admin/orders?offset=${encodeURIComponent(v)}`)?.field, v).toBe("offset")
    }
    expect(checkRequestTarget(`/store/products?limit=${STORE_MAX_LIMIT}`, { store: true })).toBeNull()
    expect(checkRequestTarget(`/store/products?limit=${STORE_MAX_LIMIT + 1}`, { store: true })).toEqual({
      field: "limit",
      reason: `must be a whole number from 0 to ${STORE_MAX_LIMIT}`,
    })
    expect(checkRequestTarget(`/admin/products?limit=${MAX_LIMIT}`)).toBeNull()
    expect(checkRequestTarget(`/admin/products?limit=${MAX_LIMIT + 1}`)?.field).toBe("limit")
    expect(checkRequestTarget("/store/products?limit=1&limit=2", { store: true })).toEqual({
      field: "limit",
      reason: "must be given once",
    })
    expect(checkRequestTarget("/store/products?limit[]=1", { store: true })?.field).toBe("limit")
    expect(checkRequestTarget("/store/products?offset[gt]=1", { store: true })?.field).toBe("offset")
  })

  it("never lets a target through whose decoded parts hold NUL (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const value = `${a}\u0000${b}`
        const enc = encodeURIComponent(value)
        expect(checkRequestTarget(`/store/x/${enc}`)).not.toBeNull()
        expect(checkRequestTarget(`/store/x?q=${enc}`)).not.toBeNull()
      })
    )
  })

  it("lets every properly encoded printable string through (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((s) => !hasControlCharacter(s, { strict: true })),
        (s) => {
          expect(checkRequestTarget(`/store/x/${encodeURIComponent(s)}?q=${encodeURIComponent(s)}`)).toBeNull()
        }
      )
    )
  })
})

describe("decodeComponent", () => {
  it("decodes + as space only in queries", () => {
    expect(decodeComponent("a+b", { plusIsSpace: true })).toEqual({ ok: true, value: "a b" })
    expect(decodeComponent("a+b")).toEqual({ ok: true, value: "a+b" })
  })
})

describe("checkBody", () => {
  it("names the field of a NUL character or a lone surrogate, at any depth", () => {
    expect(checkBody({ email: "a@b.c", items: [{ note: "ok" }, { note: "x\u0000" }] })).toEqual({
      field: "items[1].note",
      reason: "contains a NUL character",
    })
    expect(checkBody({ name: "\ud800" })).toEqual({ field: "name", reason: "is not valid Unicode" })
    expect(checkBody({ "a\u0000": 1 })?.reason).toBe("is not a valid field name")
    expect(checkBody("\u0000")?.field).toBe("body")
  })

  it("accepts ordinary bodies: newlines, emoji, Chinese, numbers, nulls", () => {
    expect(checkBody({ note: "第一行\n第二行 🍎", n: 1, x: null, ok: true, list: [] })).toBeNull()
    expect(checkBody(undefined)).toBeNull()
  })

  it("refuses absurd nesting instead of recursing without end", () => {
    let deep: unknown = "x"
    for (let i = 0; i < 100; i++) deep = [deep]
    expect(checkBody(deep)?.reason).toMatch(/nested deeper/)
  })
})
