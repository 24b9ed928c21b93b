import { describe, expect, it } from "vitest"
import { CATALOG_MAX_LIMIT, CATALOG_MAX_OFFSET, StoreGetCatalog } from "../api/store/lianxin/catalog/validators"
import { SEARCH_MAX_LIMIT, SEARCH_MAX_PAGE, StoreSearchProducts } from "../api/store/lianxin/search/validators"
import { MAX_TOTAL_HITS } from "./settings"

/**
 * Meilisearch answers nothing past pagination.maxTotalHits and stops counting there: a page the routes accept but
 * the index cannot fill would be an empty page that claims there are no more products (found by the 5,000-product
 * bench when the index stopped at 2,000 and the catalog accepted offsets to 5,000).
 */
describe("the routes page only as deep as the index answers", () => {
  it("the catalog's deepest accepted page lies within maxTotalHits", () => {
    expect(
      StoreGetCatalog.parse({ offset: String(CATALOG_MAX_OFFSET), limit: String(CATALOG_MAX_LIMIT) })
    ).toMatchObject({
      offset: CATALOG_MAX_OFFSET,
      limit: CATALOG_MAX_LIMIT,
    })
    expect(StoreGetCatalog.safeParse({ offset: String(CATALOG_MAX_OFFSET + 1) }).success).toBe(false)
    expect(StoreGetCatalog.safeParse({ limit: String(CATALOG_MAX_LIMIT + 1) }).success).toBe(false)
    expect(CATALOG_MAX_OFFSET + CATALOG_MAX_LIMIT).toBeLessThanOrEqual(MAX_TOTAL_HITS)
  })

  it("the search's deepest accepted page lies within maxTotalHits", () => {
    expect(StoreSearchProducts.parse({ page: String(SEARCH_MAX_PAGE), limit: String(SEARCH_MAX_LIMIT) })).toMatchObject(
      {
        page: SEARCH_MAX_PAGE,
        limit: SEARCH_MAX_LIMIT,
      }
    )
    expect(StoreSearchProducts.safeParse({ page: String(SEARCH_MAX_PAGE + 1) }).success).toBe(false)
    expect(SEARCH_MAX_PAGE * SEARCH_MAX_LIMIT).toBeLessThanOrEqual(MAX_TOTAL_HITS)
  })
})
