import { describe, expect, it } from "vitest"
import { DEFAULT_LANG, langCookie, langFromCookieHeader, toLang, translator } from "./i18n"

describe("language choice", () => {
  it("defaults to zh-CN", () => {
    expect(DEFAULT_LANG).toBe("zh-CN")
    expect(langFromCookieHeader(null)).toBe("zh-CN")
    expect(langFromCookieHeader("")).toBe("zh-CN")
    expect(toLang("fr")).toBe("zh-CN")
    expect(toLang(undefined)).toBe("zh-CN")
  })

  it("reads the lang cookie among others", () => {
    expect(langFromCookieHeader("lang=en")).toBe("en")
    expect(langFromCookieHeader("_ga=GA1.2.3; lang=en; cart=abc")).toBe("en")
    expect(langFromCookieHeader("lang=zh-CN")).toBe("zh-CN")
    expect(langFromCookieHeader('lang="en"')).toBe("en")
  })

  it("falls back to zh-CN for unknown or malformed values", () => {
    expect(langFromCookieHeader("lang=de")).toBe("zh-CN")
    expect(langFromCookieHeader("lang=%E0%A4%A")).toBe("zh-CN")
    expect(langFromCookieHeader("xlang=en")).toBe("zh-CN")
  })

  it("writes a cookie the reader understands", () => {
    const cookie = langCookie("en")
    expect(cookie).toMatch(/^lang=en; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly$/)
    expect(langFromCookieHeader(cookie.split(";")[0])).toBe("en")
    expect(langCookie("zh-CN", { secure: true })).toContain("; Secure")
  })
})

describe("translator", () => {
  it("speaks Chinese by default and English when asked", () => {
    expect(translator("zh-CN")("error.unavailable.title")).toBe("商城暂时无法连接，请稍后再试")
    expect(translator("en")("stock.out")).toBe("Sold out")
  })

  it("fills in parameters and leaves unknown ones visible", () => {
    expect(translator("zh-CN")("stock.low", { count: 3 })).toBe("仅剩 3 件")
    expect(translator("en")("product.from", { price: "¥12.80" })).toBe("from ¥12.80")
    expect(translator("en")("stock.low")).toBe("Only {count} left")
  })
})
