import { describe, expect, it } from "vitest"
import { DEFAULT_LANG, fill, langCookie, langFromCookieHeader, toLang, translator } from "./i18n"

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

describe("plural forms", () => {
  it("English says 1 item and 2 items; Chinese has one form", () => {
    const en = translator("en")
    expect(en("account.items", { count: 1 })).toBe("1 item")
    expect(en("account.items", { count: 2 })).toBe("2 items")
    expect(en("account.items", { count: 0 })).toBe("0 items")
    expect(en("nav.cartCount", { count: 1 })).toBe("Cart (1 item)")
    expect(en("confirm.impact", { count: 1, amount: "¥3.20" })).toBe("This order sends ¥3.20 to 1 household.")
    expect(en("confirm.impact", { count: 3, amount: "¥3.20" })).toBe("This order sends ¥3.20 to 3 households.")
    expect(en("form.errorSummary", { count: 1 })).toBe("1 field needs attention")
    expect(translator("zh-CN")("account.items", { count: 1 })).toBe("1 件商品")
  })

  it("no English string with a count reads '1 items' (shop and office)", async () => {
    const { officeMessages } = await import("./office/i18n")
    const en = translator("en", officeMessages)
    const keys = [
      ...Object.keys(officeMessages.en),
      ...([
        "account.items",
        "home.count",
        "category.count",
        "nav.cartCount",
        "home.villageProducts",
        "confirm.impact",
        "form.errorSummary",
        "stock.low",
      ] as const),
    ]
    for (const key of keys) {
      const text = en(key as never, { count: 1, amount: "¥1.00", order: "000001", n: 1, title: "x" })
      expect(text, key).not.toMatch(/\b1 (items|products|households|fields|lines|orders|units|short lines)\b/)
    }
  })

  it("fills plain parameters inside a plural form, and leaves malformed templates readable", () => {
    expect(
      fill("{count, plural, one {# bag for {name}} other {# bags for {name}}}", { count: 1, name: "王" }, "en")
    ).toBe("1 bag for 王")
    expect(fill("{count, plural, =0 {none} other {# left}}", { count: 0 }, "en")).toBe("none")
    expect(fill("{count, plural, one {# x}", { count: 1 }, "en")).toBe("{count, plural, one {# x}")
    expect(fill("{missing} and {count}", { count: 2 }, "en")).toBe("{missing} and 2")
    expect(fill("{count, plural, one {# a} other {# b}}", { count: "1" }, "en")).toBe(
      "{count, plural, one {# a} other {# b}}"
    )
  })
})
