import type { SearchTypes } from "@medusajs/framework/types"
import { describe, expect, it } from "vitest"
import { compileFilter, fromMeiliResult, meiliSettings, toMeiliQuery } from "./translate"

const definition = {
  name: "products",
  entity: "product",
  primary_key: "id",
  provider: "meilisearch",
  physical_name: "products_v1",
  definition_hash: "x",
  fields: {
    title: { type: "text", searchable: { weight: 10 } },
    title_grams: { type: "text", searchable: { weight: 1 }, retrievable: false },
    keywords: { type: "text", array: true, searchable: { weight: 8 } },
    price_min_fen: { type: "integer", filterable: true, sortable: true },
    price_band: { type: "keyword", facetable: true },
  },
  settings: { provider_options: { meilisearch: { synonyms: { 土豆: ["马铃薯"] } } } },
  seed: async function* () {},
} as unknown as SearchTypes.ResolvedSearchIndexDefinition

describe("meiliSettings", () => {
  it("orders searchable attributes by weight, hides index-only fields and adds provider options", () => {
    expect(meiliSettings(definition)).toEqual({
      searchableAttributes: ["title", "keywords", "title_grams"],
      filterableAttributes: ["price_min_fen", "price_band"],
      sortableAttributes: ["price_min_fen"],
      displayedAttributes: ["id", "title", "keywords", "price_min_fen", "price_band"],
      synonyms: { 土豆: ["马铃薯"] },
    })
  })
})

describe("compileFilter", () => {
  it("compiles equality, lists, ranges, booleans and nesting", () => {
    expect(
      compileFilter({
        q: "ignored",
        status: "published",
        sales_channel_ids: ["sc_1", "sc_2"],
        price_min_fen: { $gte: 2000, $lt: 5000 },
        in_stock: true,
        $or: [{ storage: "chilled" }, { provinces: { $in: ["云南省"] } }],
      })
    ).toBe(
      'status = "published" AND sales_channel_ids IN ["sc_1", "sc_2"] AND price_min_fen >= 2000 AND price_min_fen < 5000 AND in_stock = true AND ((storage = "chilled") OR (provinces IN ["云南省"]))'
    )
  })
  it("quotes values so they cannot escape the string", () => {
    expect(compileFilter({ title: 'a" OR status = "draft' })).toBe('title = "a\\" OR status = \\"draft"')
  })
  it("refuses unsafe field names and operators Meilisearch cannot express", () => {
    expect(() => compileFilter({ "a = 1 OR b": 1 })).toThrow(/unsafe field/)
    expect(() => compileFilter({ title: { $like: "%x%" } })).toThrow(/not supported/)
  })
  it("is undefined when there is nothing to filter", () => {
    expect(compileFilter({ q: "苹果" })).toBeUndefined()
    expect(compileFilter(undefined)).toBeUndefined()
  })
})

describe("toMeiliQuery and fromMeiliResult", () => {
  const input = {
    index: definition,
    q: "苹果",
    attributes_to_retrieve: ["id", "title"],
    filters: { in_stock: true },
    pagination: { skip: 20, take: 10, order: { price_min_fen: "ASC" } },
    search_options: {
      facets: ["price_band"],
      match_strategy: "all",
      highlight: { fields: ["title"], pre_tag: "<mark>", post_tag: "</mark>" },
    },
  } as unknown as SearchTypes.ProviderSearchQuery

  it("asks for an exact page, facets, sort, matching strategy and highlights", () => {
    expect(toMeiliQuery(input)).toEqual({
      indexUid: "products_v1",
      q: "苹果",
      hitsPerPage: 10,
      page: 3,
      attributesToRetrieve: ["id", "title"],
      filter: "in_stock = true",
      facets: ["price_band"],
      sort: ["price_min_fen:asc"],
      matchingStrategy: "all",
      attributesToHighlight: ["title"],
      highlightPreTag: "<mark>",
      highlightPostTag: "</mark>",
    })
  })

  it("maps hits, highlights, facet counts and totals back", () => {
    const result = fromMeiliResult(
      {
        hits: [{ id: "prod_1", title: "红富士苹果", _formatted: { id: "prod_1", title: "红富士<mark>苹果</mark>" } }],
        query: "苹果",
        processingTimeMs: 3,
        totalHits: 21,
        facetDistribution: { price_band: { "20-50": 2, "0-20": 5 } },
      },
      input
    )
    expect(result.hits).toEqual([
      {
        id: "prod_1",
        document: { id: "prod_1", title: "红富士苹果" },
        highlights: { title: ["红富士<mark>苹果</mark>"] },
      },
    ])
    expect(result.facets?.price_band).toEqual({
      type: "value",
      values: [
        { value: "0-20", count: 5 },
        { value: "20-50", count: 2 },
      ],
    })
    expect(result.metadata).toMatchObject({ skip: 20, take: 10, count: 21, processing_time_ms: 3 })
  })
})
