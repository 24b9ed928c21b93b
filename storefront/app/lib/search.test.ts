import { describe, expect, it } from "vitest"
import { activeFilterCount, pageCount, parseSearchParams, searchHref, searchQueryString, toggleFacet } from "./search"

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe("parseSearchParams", () => {
  it("reads every parameter of a /search URL", () => {
    expect(
      parse(
        "q=苹果&category=fruit&province=陕西省&village=沟坡村&price=20-50&storage=chilled&in_stock=true&sort=price_asc&page=3"
      )
    ).toEqual({
      q: "苹果",
      category: "fruit",
      province: "陕西省",
      village: "沟坡村",
      price: "20-50",
      storage: "chilled",
      inStock: true,
      sort: "price_asc",
      page: 3,
    })
  })

  it("drops what cannot be valid instead of failing the page", () => {
    const params = parse(
      `q=${"苹".repeat(150)}&price=1-2&storage=frozen&in_stock=maybe&sort=random&page=-4&category=${"x".repeat(51)}`
    )
    expect(Array.from(params.q)).toHaveLength(100)
    expect(params).toMatchObject({
      price: undefined,
      storage: undefined,
      inStock: undefined,
      sort: "relevance",
      page: 1,
      category: undefined,
    })
    expect(parse("page=2.5").page).toBe(1)
    expect(parse("page=1000").page).toBe(100)
    expect(parse("in_stock=false").inStock).toBe(false)
  })

  it("collapses blanks in the query", () => {
    expect(parse("q=%20%20土%20%20鸡蛋%20").q).toBe("土 鸡蛋")
  })
})

describe("searchHref and toggleFacet", () => {
  const base = parse("q=蛋&category=eggs&sort=price_desc&page=2")

  it("keeps the query, filters and sort and goes back to page 1 on any change", () => {
    expect(searchHref(base, { price: "0-20" })).toBe(
      `/search?${new URLSearchParams({ q: "蛋", category: "eggs", price: "0-20", sort: "price_desc" })}`
    )
    expect(searchHref(base, { page: 3 })).toContain("page=3")
    expect(searchHref(parse(""))).toBe("/search")
  })

  it("chooses a value, or removes it when it is the chosen one", () => {
    expect(toggleFacet(base, "category", "fruit")).toContain("category=fruit")
    expect(toggleFacet(base, "category", "eggs")).not.toContain("category=")
    expect(toggleFacet(base, "inStock", true)).toContain("in_stock=true")
    expect(toggleFacet(parse("in_stock=true"), "inStock", true)).toBe("/search")
  })

  it("round-trips through the URL", () => {
    const params = parse("q=pingguo&village=沟坡村&storage=ambient&in_stock=false&sort=newest&page=4")
    expect(parse(searchQueryString(params))).toEqual(params)
  })

  it("counts chosen filters, not the query or sort", () => {
    expect(activeFilterCount(base)).toBe(1)
    expect(activeFilterCount(parse("q=x&in_stock=false&price=100%2B"))).toBe(2)
  })
})

describe("pageCount", () => {
  it("is at least one page and at most the backend's hundred", () => {
    expect(pageCount(0)).toBe(1)
    expect(pageCount(12)).toBe(1)
    expect(pageCount(13)).toBe(2)
    expect(pageCount(50_000)).toBe(100)
  })
})
