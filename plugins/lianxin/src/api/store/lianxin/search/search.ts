import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCT_INDEX } from "../../../../search/settings"
import {
  PRODUCT_SEARCH_GRAPH_FIELDS,
  type ProductSearchDocument,
  type ProductSearchSource,
  toSearchDocument,
} from "../../../../utils/search-document"
import { hasHan, normalizeQuery, queryPinyin, synonymMap } from "../../../../utils/search-text"
import { type PgReader, soldCounts } from "../../../../search/sold-counts"
import { productSearchModule } from "../../../../workflows/search/drain-search-outbox"
import type { StoreSearchProductsType } from "./validators"

/** A piece of a title; `hit` pieces matched the query (the storefront marks them). */
export type Segment = { text: string; hit: boolean }
export type FacetValue = { value: string; count: number }

export type SearchProduct = Pick<
  ProductSearchDocument,
  | "id"
  | "handle"
  | "title"
  | "thumbnail"
  | "price_min_fen"
  | "price_max_fen"
  | "in_stock"
  | "storage"
  | "category_names"
  | "category_handles"
  | "villages"
  | "provinces"
  | "household_codes"
> & { title_segments: Segment[] }

export type SearchAnswer = {
  query: string
  products: SearchProduct[]
  count: number
  page: number
  limit: number
  facets: Record<FacetField, FacetValue[]>
  /** Which engine answered; `postgres` means Meilisearch was not available. */
  engine: "meilisearch" | "postgres"
  degraded: boolean
  /** Set when nothing matched the characters and the query's pinyin was tried (平果 → pingguo). */
  retried_with?: string
  processing_time_ms?: number
}

export const FACET_FIELDS = ["category_handles", "provinces", "villages", "price_band", "storage", "in_stock"] as const
export type FacetField = (typeof FACET_FIELDS)[number]

const RETRIEVE = [
  "id",
  "handle",
  "title",
  "thumbnail",
  "price_min_fen",
  "price_max_fen",
  "in_stock",
  "storage",
  "category_names",
  "category_handles",
  "villages",
  "provinces",
  "household_codes",
]

// Control characters never occur in titles, so they cannot be forged by data.
const PRE = "\u0002"
const POST = "\u0003"

/** "红富士\u0002苹果\u0003" → [{红富士,false},{苹果,true}]. */
export function segmentsFromMarked(marked: string): Segment[] {
  const out: Segment[] = []
  let hit = false
  let text = ""
  for (const ch of marked) {
    if (ch === PRE || ch === POST) {
      if (text) out.push({ text, hit })
      text = ""
      hit = ch === PRE
      continue
    }
    text += ch
  }
  if (text) out.push({ text, hit })
  return out
}

/** Marks every occurrence of any term in a title (the PostgreSQL path has no highlighter). */
export function segmentsFromTerms(title: string, terms: string[]): Segment[] {
  const usable = terms.filter((t) => t.length > 0).sort((a, b) => b.length - a.length)
  if (!usable.length) return title ? [{ text: title, hit: false }] : []
  const escaped = usable.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  return title
    .split(new RegExp(`(${escaped.join("|")})`, "i"))
    .filter((part) => part !== "")
    .map((part) => ({ text: part, hit: usable.some((t) => t.toLowerCase() === part.toLowerCase()) }))
}

/** The query's words and their synonyms, as they may appear in titles. */
function highlightTerms(q: string): string[] {
  const synonyms = synonymMap()
  return q
    .split(" ")
    .filter(Boolean)
    .slice(0, 6)
    .flatMap((t) => [t, ...(synonyms[t] ?? [])])
}

const SORTS: Record<StoreSearchProductsType["sort"], Record<string, "ASC" | "DESC"> | undefined> = {
  relevance: undefined,
  price_asc: { price_min_fen: "ASC" },
  price_desc: { price_min_fen: "DESC" },
  newest: { created_at: "DESC" },
  best_selling: { sold_count: "DESC" },
}

function emptyFacets(): Record<FacetField, FacetValue[]> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Record<FacetField, FacetValue[]>
}

export type SearchModule = {
  search(query: Record<string, unknown>): Promise<{
    hits: { id: string; document: Record<string, unknown>; highlights?: Record<string, string[]> }[]
    facets?: Record<string, { type: string; values?: FacetValue[] }>
    metadata: { count: number | null; processing_time_ms?: number }
  }>
}

type Filters = Pick<StoreSearchProductsType, "category" | "province" | "village" | "price" | "storage" | "in_stock">

function engineFilters(filters: Filters, salesChannelIds: string[]) {
  return {
    status: "published",
    sales_channel_ids: salesChannelIds,
    ...(filters.category ? { category_handles: filters.category } : {}),
    ...(filters.province ? { provinces: filters.province } : {}),
    ...(filters.village ? { villages: filters.village } : {}),
    ...(filters.price ? { price_band: filters.price } : {}),
    ...(filters.storage ? { storage: filters.storage } : {}),
    ...(filters.in_stock === undefined ? {} : { in_stock: filters.in_stock }),
  }
}

/** The Meilisearch path of `searchProducts` (exported for bench/search.mjs, which times it at 50,000 products). */
export async function searchMeili(
  search: SearchModule,
  q: string,
  input: StoreSearchProductsType,
  salesChannelIds: string[]
): Promise<SearchAnswer> {
  const run = (text: string) =>
    search.search({
      entity: PRODUCT_INDEX,
      fields: RETRIEVE,
      filters: { q: text, ...engineFilters(input, salesChannelIds) },
      pagination: { skip: (input.page - 1) * input.limit, take: input.limit, order: SORTS[input.sort] },
      search_options: {
        facets: [...FACET_FIELDS],
        disjunctive_facets: true,
        // "all": every word must match, so 土鸡蛋 never returns 土蜂蜜 (the default "last" drops words).
        match_strategy: "all",
        highlight: { fields: ["title"], pre_tag: PRE, post_tag: POST },
      },
    })
  let result = await run(q)
  let retried: string | undefined
  if (!result.hits.length && q && hasHan(q)) {
    const pinyin = queryPinyin(q)
    if (pinyin) {
      const second = await run(pinyin)
      if (second.hits.length) {
        result = second
        retried = pinyin
      }
    }
  }
  const facets = emptyFacets()
  for (const field of FACET_FIELDS) facets[field] = result.facets?.[field]?.values ?? []
  const terms = highlightTerms(q)
  return {
    query: q,
    products: result.hits.map((hit) => {
      const doc = hit.document as unknown as ProductSearchDocument
      const marked = hit.highlights?.title?.[0]
      const segments = marked ? segmentsFromMarked(marked) : []
      return {
        ...(pick(doc) as SearchProduct),
        // The engine marks whole jieba words: 蛋 found 土鸡蛋 through the title's bigrams, so nothing is marked there.
        title_segments: segments.some((s) => s.hit) ? segments : segmentsFromTerms(doc.title, terms),
      }
    }),
    count: result.metadata.count ?? result.hits.length,
    page: input.page,
    limit: input.limit,
    facets,
    engine: "meilisearch",
    degraded: false,
    ...(retried ? { retried_with: retried } : {}),
    processing_time_ms: result.metadata.processing_time_ms,
  }
}

function pick(doc: ProductSearchDocument): Omit<SearchProduct, "title_segments"> {
  return {
    id: doc.id,
    handle: doc.handle,
    title: doc.title,
    thumbnail: doc.thumbnail,
    price_min_fen: doc.price_min_fen,
    price_max_fen: doc.price_max_fen,
    in_stock: doc.in_stock,
    storage: doc.storage,
    category_names: doc.category_names,
    category_handles: doc.category_handles,
    villages: doc.villages,
    provinces: doc.provinces,
    household_codes: doc.household_codes,
  }
}

const FALLBACK_CANDIDATES = 200

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

type Knex = {
  (table: string): KnexBuilder
  raw(sql: string, bindings?: unknown[]): unknown
}
type KnexBuilder = Promise<{ id: string }[]> & {
  [method: string]: (...args: unknown[]) => KnexBuilder
}

function matchesFacet(doc: ProductSearchDocument, field: FacetField, value: string | boolean | undefined): boolean {
  if (value === undefined) return true
  const v = doc[field]
  return Array.isArray(v) ? v.includes(value as string) : v === value
}

/**
 * PostgreSQL answers when Meilisearch cannot: substring matches (ILIKE) of each
 * query word or its synonyms on title, curated keywords, description and
 * category names, then the same documents, filters, facets and sorts in memory
 * over at most 200 candidates. No pinyin, no typo tolerance: `degraded`.
 */
export async function searchPostgres(
  container: MedusaContainer,
  q: string,
  input: StoreSearchProductsType,
  salesChannelIds: string[]
): Promise<SearchAnswer> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const synonyms = synonymMap()
  const terms = q.split(" ").filter(Boolean).slice(0, 6)
  let builder = knex("product as p")
    .distinct("p.id")
    .join("product_sales_channel as psc", "psc.product_id", "p.id")
    .whereIn("psc.sales_channel_id", salesChannelIds)
    .whereNull("psc.deleted_at")
    .where("p.status", "published")
    .whereNull("p.deleted_at")
  for (const term of terms) {
    const alternatives = [term, ...(synonyms[term] ?? [])]
    builder = builder.where((group: KnexBuilder) => {
      for (const alt of alternatives) {
        const pattern = likePattern(alt)
        group
          .orWhere("p.title", "ilike", pattern)
          .orWhere("p.description", "ilike", pattern)
          .orWhereRaw(`p.metadata->>'search_keywords' ILIKE ?`, [pattern])
          .orWhereRaw(
            `EXISTS (SELECT 1 FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
                      WHERE pcp.product_id = p.id AND pc.deleted_at IS NULL AND pc.name ILIKE ?)`,
            [pattern]
          )
      }
    })
  }
  const rows = await builder.limit(FALLBACK_CANDIDATES)
  const ids = rows.map((r) => r.id)
  let documents: ProductSearchDocument[] = []
  if (ids.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: [...PRODUCT_SEARCH_GRAPH_FIELDS],
      filters: { id: ids },
    })
    const sold =
      input.sort === "best_selling" ? await soldCounts(knex as unknown as PgReader, ids) : new Map<string, number>()
    documents = (data as ProductSearchSource[])
      .map((p) => toSearchDocument(p, { salesChannelIds, soldCount: sold.get(p.id) ?? 0 }))
      .filter((d): d is ProductSearchDocument => d !== null)
  }
  const wanted: [FacetField, string | boolean | undefined][] = [
    ["category_handles", input.category],
    ["provinces", input.province],
    ["villages", input.village],
    ["price_band", input.price],
    ["storage", input.storage],
    ["in_stock", input.in_stock],
  ]
  // Disjunctive counts, as the engine gives them: each facet counted with every other filter applied.
  const facets = emptyFacets()
  for (const [field] of wanted) {
    const counts = new Map<string, number>()
    for (const doc of documents) {
      if (!wanted.every(([other, value]) => other === field || matchesFacet(doc, other, value))) continue
      const v = doc[field]
      for (const value of Array.isArray(v) ? v : [String(v)]) counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    facets[field] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
  }
  const matching = documents.filter((doc) => wanted.every(([field, value]) => matchesFacet(doc, field, value)))
  const order = SORTS[input.sort]
  const [sortField, direction] = order
    ? (Object.entries(order)[0] as [keyof ProductSearchDocument, "ASC" | "DESC"])
    : []
  const score = (doc: ProductSearchDocument) => terms.filter((t) => doc.title.toLowerCase().includes(t)).length
  matching.sort((a, b) => {
    if (sortField) {
      const d = Number(a[sortField]) - Number(b[sortField])
      return direction === "ASC" ? d : -d
    }
    return score(b) - score(a) || a.title.localeCompare(b.title, "zh-CN")
  })
  const start = (input.page - 1) * input.limit
  const marks = highlightTerms(q)
  return {
    query: q,
    products: matching.slice(start, start + input.limit).map((doc) => ({
      ...pick(doc),
      title_segments: segmentsFromTerms(doc.title, marks),
    })),
    count: matching.length,
    page: input.page,
    limit: input.limit,
    facets,
    engine: "postgres",
    degraded: true,
  }
}

/**
 * Product search for the store: Meilisearch when it answers, PostgreSQL when it
 * does not (never an error page). Only published products of the publishable
 * key's sales channels.
 */
export async function searchProducts(
  container: MedusaContainer,
  input: StoreSearchProductsType,
  salesChannelIds: string[]
): Promise<SearchAnswer> {
  const q = normalizeQuery(input.q)
  if (!salesChannelIds.length) {
    return {
      query: q,
      products: [],
      count: 0,
      page: input.page,
      limit: input.limit,
      facets: emptyFacets(),
      engine: "postgres",
      degraded: false,
    }
  }
  const search = productSearchModule(container) as SearchModule | undefined
  if (search) {
    try {
      return await searchMeili(search, q, input, salesChannelIds)
    } catch (error) {
      container
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(
          `[search] Meilisearch did not answer, searching PostgreSQL: ${error instanceof Error ? error.message : error}`
        )
    }
  }
  return searchPostgres(container, q, input, salesChannelIds)
}
