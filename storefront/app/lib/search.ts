import type { StorageClass } from "./commerce"
import type { Fen } from "./money"

/**
 * Product search as the pages see it (server and browser): what a /search URL
 * asks for, how a facet link changes it, and the view models built on the
 * server from the backend's `/store/lianxin/search` answers. Meilisearch is
 * never reached from here: the backend queries it (decision 012).
 */

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "best_selling"] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** The backend's price bands (plugins/lianxin/src/utils/search-text.ts PRICE_BANDS), in yuan. */
export const PRICE_BANDS = ["0-20", "20-50", "50-100", "100+"] as const
export type PriceBand = (typeof PRICE_BANDS)[number]

export const STORAGE_CLASSES = ["chilled", "ambient"] as const satisfies readonly StorageClass[]

/** Results per page; the backend allows up to 48. */
export const SEARCH_PAGE_SIZE = 12
/** The backend refuses pages beyond 100. */
export const MAX_SEARCH_PAGE = 100
/** The backend uses at most 100 characters of a query; longer input is cut here, never refused. */
export const MAX_QUERY_LENGTH = 100
/** Facet values are names (村, 省) or handles: anything longer cannot be one. */
const MAX_FACET_VALUE = 50

export type SearchParams = {
  q: string
  category?: string
  province?: string
  village?: string
  price?: PriceBand
  storage?: StorageClass
  inStock?: boolean
  sort: SearchSort
  page: number
}

export type FacetKey = "category" | "province" | "village" | "price" | "storage" | "inStock"

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value)
}

function facetValue(value: string | null): string | undefined {
  const trimmed = value?.trim()
  return trimmed && trimmed.length <= MAX_FACET_VALUE ? trimmed : undefined
}

/**
 * What a /search URL asks for. A page, not an API: values that cannot be valid
 * are dropped (and the page shows what it could do), never answered with an error.
 */
export function parseSearchParams(search: URLSearchParams): SearchParams {
  const q = Array.from((search.get("q") ?? "").replace(/\s+/g, " ").trim())
    .slice(0, MAX_QUERY_LENGTH)
    .join("")
  const page = Number(search.get("page"))
  const inStock = search.get("in_stock")
  return {
    q,
    category: facetValue(search.get("category")),
    province: facetValue(search.get("province")),
    village: facetValue(search.get("village")),
    price: oneOf(PRICE_BANDS, search.get("price")),
    storage: oneOf(STORAGE_CLASSES, search.get("storage")),
    inStock: inStock === "true" ? true : inStock === "false" ? false : undefined,
    sort: oneOf(SEARCH_SORTS, search.get("sort")) ?? "relevance",
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_SEARCH_PAGE) : 1,
  }
}

/** The query string of a search, in a stable order, leaving out defaults. */
export function searchQueryString(params: SearchParams): string {
  const out = new URLSearchParams()
  if (params.q) out.set("q", params.q)
  if (params.category) out.set("category", params.category)
  if (params.province) out.set("province", params.province)
  if (params.village) out.set("village", params.village)
  if (params.price) out.set("price", params.price)
  if (params.storage) out.set("storage", params.storage)
  if (params.inStock !== undefined) out.set("in_stock", String(params.inStock))
  if (params.sort !== "relevance") out.set("sort", params.sort)
  if (params.page > 1) out.set("page", String(params.page))
  return out.toString()
}

/** `/search?…` after a change; any change other than the page goes back to page 1. */
export function searchHref(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const next = { ...params, ...change }
  if (!("page" in change)) next.page = 1
  const query = searchQueryString(next)
  return query ? `/search?${query}` : "/search"
}

/** The link of one facet value: chooses it, or removes it when it is the chosen one. */
export function toggleFacet(params: SearchParams, key: FacetKey, value: string | boolean): string {
  const current = params[key]
  return searchHref(params, { [key]: current === value ? undefined : value } as Partial<SearchParams>)
}

export function activeFilterCount(params: SearchParams): number {
  return (["category", "province", "village", "price", "storage", "inStock"] as const).filter(
    (k) => params[k] !== undefined
  ).length
}

/** A piece of a title; `hit` pieces matched the query and are marked. */
export type Segment = { text: string; hit: boolean }

export type SearchHit = {
  id: string
  handle: string
  title: string
  segments: Segment[]
  thumbnail: string | null
  priceFen: Fen | null
  /** Variants priced differently: the card says "¥x 起". */
  priceVaries: boolean
  inStock: boolean
  storage: StorageClass
  categoryNames: string[]
  villages: string[]
}

export type FacetOption = {
  value: string
  /** What residents read; for categories the name, for price bands and storage the page translates the value. */
  label: string
  count: number
  selected: boolean
}

export type SearchFacets = Record<FacetKey, FacetOption[]>

export type SearchResults = {
  hits: SearchHit[]
  count: number
  pageCount: number
  facets: SearchFacets
  /** The backend answered from PostgreSQL because Meilisearch could not (no pinyin, no typo tolerance). */
  degraded: boolean
  /** Nothing matched the characters and the pinyin of the query did (平果 → pingguo). */
  retriedWith: string | null
}

export type CategoryLink = { handle: string; name: string }

export type SuggestionView = {
  query: string
  products: Array<Pick<SearchHit, "handle" | "title" | "segments" | "priceFen" | "priceVaries" | "inStock">>
  categories: Array<CategoryLink & { count: number }>
}

export function pageCount(count: number, pageSize = SEARCH_PAGE_SIZE): number {
  return Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(count / pageSize)))
}
