import { data } from "react-router"
import { z } from "zod"
import type { CategoryView } from "../catalog"
import { storageClassOf } from "../commerce"
import {
  PRICE_BANDS,
  SEARCH_PAGE_SIZE,
  STORAGE_CLASSES,
  pageCount,
  parseSearchParams,
  type CategoryLink,
  type FacetOption,
  type SearchFacets,
  type SearchHit,
  type SearchParams,
  type SearchResults,
  type Segment,
  type SuggestionView,
} from "../search"
import { optionalExtra } from "./community.server"
import { messageOf, publicHeaders, statusOf } from "./http.server"
import { StoreUnavailableError, type StoreClient } from "./medusa.server"
import { loadCompound, orUnavailable } from "./pages.server"
import type { PickupApi } from "./pickup.server"
import { publicCopy, publicKey } from "./public-cache.server"

/**
 * Search pages' server side: `GET /store/lianxin/search` and `/suggest` of the
 * plugin (plugins/lianxin/src/api/store/lianxin/search), parsed here so a
 * change of their shape fails in one place.
 */

const segmentSchema = z.object({ text: z.string(), hit: z.boolean() })
const facetValueSchema = z.object({ value: z.string(), count: z.number().int().nonnegative() })
const productSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  title_segments: z.array(segmentSchema).nullish(),
  thumbnail: z.string().nullish(),
  price_min_fen: z.number().int().nonnegative().nullish(),
  price_max_fen: z.number().int().nonnegative().nullish(),
  in_stock: z.boolean().nullish(),
  storage: z.string().nullish(),
  category_names: z.array(z.string()).nullish(),
  villages: z.array(z.string()).nullish(),
})
const facetsSchema = z.object({
  category_handles: z.array(facetValueSchema).default([]),
  provinces: z.array(facetValueSchema).default([]),
  villages: z.array(facetValueSchema).default([]),
  price_band: z.array(facetValueSchema).default([]),
  storage: z.array(facetValueSchema).default([]),
  in_stock: z.array(facetValueSchema).default([]),
})
const searchAnswerSchema = z.object({
  products: z.array(productSchema),
  count: z.number().int().nonnegative(),
  facets: facetsSchema.partial().default({}),
  degraded: z.boolean().default(false),
  retried_with: z.string().nullish(),
})
const suggestAnswerSchema = z.object({
  query: z.string().default(""),
  products: z.array(productSchema),
  categories: z.array(facetValueSchema).default([]),
  degraded: z.boolean().default(false),
})

export type SearchApi = {
  search(params: SearchParams, limit?: number): Promise<SearchAnswer>
  suggest(q: string, limit?: number): Promise<z.infer<typeof suggestAnswerSchema>>
}
export type SearchAnswer = z.infer<typeof searchAnswerSchema>

function absoluteUrl(url: string | null | undefined, base: string | undefined): string | null {
  if (!url) return null
  try {
    return base ? new URL(url, `${base}/`).toString() : url
  } catch {
    return null
  }
}

/** The backend's query for a page's parameters (its names: in_stock, price, sort …). */
export function backendQuery(params: SearchParams, limit = SEARCH_PAGE_SIZE): Record<string, string> {
  const query: Record<string, string> = {
    q: params.q,
    sort: params.sort,
    page: String(params.page),
    limit: String(limit),
  }
  if (params.category) query.category = params.category
  if (params.province) query.province = params.province
  if (params.village) query.village = params.village
  if (params.price) query.price = params.price
  if (params.storage) query.storage = params.storage
  if (params.inStock !== undefined) query.in_stock = String(params.inStock)
  return query
}

export function createSearchApi(store: StoreClient): SearchApi {
  return {
    async search(params, limit = SEARCH_PAGE_SIZE) {
      const path = "/store/lianxin/search"
      const query = backendQuery(params, limit)
      return publicCopy(
        store,
        publicKey(path, query),
        async () => searchAnswerSchema.parse(await store.request(`searching "${params.q}"`, path, { query })),
        // Results from the PostgreSQL fallback are not kept: the next search should get the index.
        (answer) => !answer.degraded
      )
    },
    async suggest(q, limit = 6) {
      const raw = await store.request(`suggesting for "${q}"`, "/store/lianxin/search/suggest", {
        query: { q, limit: String(limit) },
      })
      return suggestAnswerSchema.parse(raw)
    },
  }
}

function segmentsOf(title: string, segments: Segment[] | null | undefined): Segment[] {
  // Segments that do not spell the title would show something else than the product's name.
  if (segments?.length && segments.map((s) => s.text).join("") === title) return segments
  return [{ text: title, hit: false }]
}

export function toHit(p: z.infer<typeof productSchema>, backendUrl?: string): SearchHit {
  const min = p.price_min_fen ?? null
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    segments: segmentsOf(p.title, p.title_segments),
    thumbnail: absoluteUrl(p.thumbnail, backendUrl),
    // A product without a CNY price is indexed at 0: "price to be confirmed", not free.
    priceFen: min ? min : null,
    priceVaries: min !== null && p.price_max_fen !== null && p.price_max_fen !== undefined && p.price_max_fen > min,
    inStock: p.in_stock ?? true,
    storage: storageClassOf(p.storage),
    categoryNames: p.category_names ?? [],
    villages: p.villages ?? [],
  }
}

/** Facet counts as options: names for categories, the chosen value first kept even at count 0. */
export function toFacets(answer: SearchAnswer, params: SearchParams, categories: CategoryView[]): SearchFacets {
  const facets = answer.facets
  const names = new Map(categories.map((c) => [c.handle, c.name]))
  const options = (
    values: { value: string; count: number }[] | undefined,
    chosen: string | undefined,
    label = (v: string) => v
  ): FacetOption[] => {
    const list = (values ?? []).filter((v) => v.count > 0 || v.value === chosen)
    if (chosen && !list.some((v) => v.value === chosen)) list.unshift({ value: chosen, count: 0 })
    return list.map((v) => ({ value: v.value, label: label(v.value), count: v.count, selected: v.value === chosen }))
  }
  const ordered = <T extends string>(order: readonly T[], list: FacetOption[]) =>
    list
      .filter((o) => (order as readonly string[]).includes(o.value))
      .sort((a, b) => order.indexOf(a.value as T) - order.indexOf(b.value as T))
  return {
    // A handle without a category (renamed or deleted since indexing) cannot be shown by name: left out.
    category: options(facets.category_handles, params.category, (h) => names.get(h) ?? "").filter(
      (o) => o.label !== ""
    ),
    province: options(facets.provinces, params.province),
    village: options(facets.villages, params.village),
    price: ordered(PRICE_BANDS, options(facets.price_band, params.price)),
    storage: ordered(STORAGE_CLASSES, options(facets.storage, params.storage)),
    inStock: options(facets.in_stock, params.inStock === undefined ? undefined : String(params.inStock)).filter(
      (o) => o.value === "true"
    ),
  }
}

export function toResults(
  answer: SearchAnswer,
  params: SearchParams,
  categories: CategoryView[],
  backendUrl?: string
): SearchResults {
  return {
    hits: answer.products.map((p) => toHit(p, backendUrl)),
    count: answer.count,
    pageCount: pageCount(answer.count),
    facets: toFacets(answer, params, categories),
    degraded: answer.degraded,
    retriedWith: answer.retried_with ?? null,
  }
}

/**
 * Category names change rarely and suggestions ask for them on every keystroke:
 * kept a minute per store client. Only a cache (a stale name is shown at worst),
 * so any number of storefront servers stay correct.
 */
const categoryCache = new WeakMap<StoreClient, { at: number; list: Promise<CategoryView[]> }>()
const CATEGORY_TTL_MS = 60_000

export function cachedCategories(store: StoreClient, now = Date.now()): Promise<CategoryView[]> {
  const hit = categoryCache.get(store)
  if (hit && now - hit.at < CATEGORY_TTL_MS) return hit.list
  const list = store.listCategories()
  const entry = { at: now, list }
  categoryCache.set(store, entry)
  list.catch(() => {
    if (categoryCache.get(store) === entry) categoryCache.delete(store)
  })
  return list
}

/** Degraded and failed answers are not cached: the next visit should get the full engine again. */
const NO_STORE = { "Cache-Control": "no-store", Vary: "Cookie" }

export type SearchPageData = {
  params: SearchParams
  results: SearchResults | null
  /** The search route itself is missing or refused: the page offers categories instead. */
  unavailable: boolean
  categories: CategoryLink[]
  availability: Awaited<ReturnType<typeof loadCompound>>["availability"]
}

/**
 * The /search page: results with facets, counts and pages from the backend;
 * categories for the empty state. A backend that is down entirely is the same
 * 503 as every catalogue page; a backend without search (or refusing the
 * query) is a notice on this page, never an error page.
 */
export async function loadSearchPage(
  store: StoreClient,
  request: Request,
  options: { pickup?: PickupApi; backendUrl?: string; log?: (m: string) => void } = {}
) {
  const log = options.log ?? ((m: string) => console.error(`[storefront] ${m}`))
  const params = parseSearchParams(new URL(request.url).searchParams)
  const api = createSearchApi(store)
  const [answer, categories, compound] = await Promise.all([
    orUnavailable(async () => {
      try {
        return await api.search(params)
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error
        // A refused query or an answer we cannot read: this page's problem only.
        log(`search for "${params.q}" failed (${statusOf(error) ?? "unreadable answer"}): ${messageOf(error)}`)
        return null
      }
    }),
    optionalExtra("categories", () => cachedCategories(store)),
    loadCompound(options.pickup, request),
  ])
  const list = categories ?? []
  const page: SearchPageData = {
    params,
    results: answer ? toResults(answer, params, list, options.backendUrl) : null,
    unavailable: answer === null,
    categories: list.map((c) => ({ handle: c.handle, name: c.name })),
    availability: compound.availability,
  }
  // With its ETag (a hash of the page's data) a result page is revalidated with a 304 and kept like the other public
  // pages (decisions 029, 031): the results are the public copy for this query under the current catalogue version.
  const headers = !answer || answer.degraded ? NO_STORE : publicHeaders(request, page)
  return data(page, { headers })
}

const SUGGEST_MAX_QUERY = 50

/**
 * GET /search/suggest?q= for the header's search box: a few products and
 * categories, or nothing. Never an error: suggestions are an extra, the form
 * still submits to /search.
 */
export async function loadSuggestions(
  store: StoreClient,
  request: Request,
  log = (m: string) => console.error(`[storefront] ${m}`)
): Promise<Response> {
  const q = Array.from((new URL(request.url).searchParams.get("q") ?? "").replace(/\s+/g, " ").trim())
    .slice(0, SUGGEST_MAX_QUERY)
    .join("")
  const empty: SuggestionView = { query: q, products: [], categories: [] }
  if (!q) return Response.json(empty, { headers: { "Cache-Control": "public, max-age=300" } })
  try {
    const [answer, categories] = await Promise.all([
      createSearchApi(store).suggest(q),
      cachedCategories(store).catch(() => [] as CategoryView[]),
    ])
    const names = new Map(categories.map((c) => [c.handle, c.name]))
    const view: SuggestionView = {
      query: q,
      products: answer.products.map((p) => {
        const hit = toHit(p)
        return {
          handle: hit.handle,
          title: hit.title,
          segments: hit.segments,
          priceFen: hit.priceFen,
          priceVaries: hit.priceVaries,
          inStock: hit.inStock,
        }
      }),
      categories: answer.categories.flatMap((c) => {
        const name = names.get(c.value)
        return name && c.count > 0 ? [{ handle: c.value, name, count: c.count }] : []
      }),
    }
    // Suggestions for the same letters are the same for everyone; a degraded answer is not kept.
    return Response.json(view, { headers: { "Cache-Control": answer.degraded ? "no-store" : "public, max-age=60" } })
  } catch (error) {
    log(`suggestions for "${q}" failed: ${messageOf(error)}`)
    return Response.json(empty, { headers: { "Cache-Control": "no-store" } })
  }
}
