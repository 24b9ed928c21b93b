import { defineSearchIndex, search } from "@medusajs/framework/utils"
import {
  PRODUCT_SEARCH_GRAPH_FIELDS,
  type ProductSearchDocument,
  type ProductSearchSource,
  toSearchDocument,
} from "../utils/search-document"
import { synonymMap } from "../utils/search-text"
import type { Query } from "../workflows/pickup/steps/service"
import { MAX_TOTAL_HITS, PRODUCT_INDEX, SEED_BATCH, reportSeedProgress } from "./settings"
import { searchPg, soldCounts } from "./sold-counts"

/**
 * The product index of the Search Module, served by our Meilisearch provider
 * (decision 012). Declared only when MEILISEARCH_HOST is set: without an engine
 * search answers from PostgreSQL. `seed` fills a new or rebuilt index;
 * day-to-day changes come through the search outbox (src/modules/search-sync),
 * not through `consume`, so a change made while Meilisearch is down is kept
 * and applied later instead of being lost with a failed event.
 */
const fields = search.define({
  id: search.keyword().filterable(),
  handle: search.keyword(),
  title: search.text().searchable({ weight: 10 }),
  keywords: search.text().array().searchable({ weight: 9 }),
  title_pinyin: search.text().searchable({ weight: 8 }).retrievable(false),
  category_names: search.text().array().searchable({ weight: 7 }),
  title_grams: search.text().searchable({ weight: 6 }).retrievable(false),
  household_names: search.text().array().searchable({ weight: 5 }),
  places: search.text().array().searchable({ weight: 4 }).retrievable(false),
  villages: search.keyword().array().filterable().facetable(),
  provinces: search.keyword().array().filterable().facetable(),
  household_codes: search.keyword().array().searchable({ weight: 3 }).filterable(),
  sizes: search.text().array().searchable({ weight: 2 }).retrievable(false),
  description: search.text().searchable({ weight: 1 }),
  category_handles: search.keyword().array().filterable().facetable(),
  price_min_fen: search.integer().filterable().sortable(),
  price_max_fen: search.integer(),
  price_band: search.keyword().filterable().facetable(),
  in_stock: search.boolean().filterable().facetable(),
  storage: search.keyword().filterable().facetable(),
  status: search.keyword().filterable(),
  sales_channel_ids: search.keyword().array().filterable(),
  thumbnail: search.keyword(),
  created_at: search.integer().sortable(),
  sold_count: search.integer().sortable(),
})

const CHINESE_ATTRIBUTES = [
  "title",
  "keywords",
  "category_names",
  "title_grams",
  "household_names",
  "places",
  "sizes",
  "description",
]

async function* seedProducts(context: {
  container: { query: unknown }
  last_key?: string
  catchup?: { since: Date }
  filters?: Record<string, unknown>
}) {
  const query = context.container.query as Query
  let cursor = context.last_key
  let done = 0
  let batches = 0
  let total: number | undefined
  const phase = context.catchup ? "catchup" : "build"
  for (;;) {
    const { data, metadata } = await query.graph({
      entity: "product",
      fields: [...PRODUCT_SEARCH_GRAPH_FIELDS],
      filters: {
        ...(context.filters ?? {}),
        ...(cursor ? { id: { $gt: cursor } } : {}),
        ...(context.catchup ? { updated_at: { $gte: context.catchup.since } } : {}),
      },
      pagination: { take: SEED_BATCH, skip: 0, order: { id: "ASC" } },
      // Products deleted since the build are read too, so the catch-up removes their documents. (In the query: as
      // the second argument, where it was until 2026-12-06, Medusa ignores it.)
      withDeleted: Boolean(context.catchup),
    })
    const rows = data as (ProductSearchSource & { deleted_at?: string | null })[]
    total ??= metadata?.count
    if (!rows.length) break
    const documents: ProductSearchDocument[] = []
    const gone: string[] = []
    const sold = await soldCounts(
      searchPg(),
      rows.filter((r) => !r.deleted_at).map((r) => r.id)
    )
    for (const row of rows) {
      const document = row.deleted_at ? null : toSearchDocument(row, { soldCount: sold.get(row.id) ?? 0 })
      if (document) documents.push(document)
      else gone.push(row.id)
    }
    cursor = rows[rows.length - 1].id
    done += rows.length
    batches++
    yield [
      ...(documents.length ? [{ action: "upsert" as const, documents }] : []),
      // A fresh index holds none of them; a catch-up or in-place rebuild may.
      ...(gone.length && (context.catchup || context.last_key)
        ? [{ action: "delete" as const, filters: { id: gone } }]
        : []),
    ]
    // After the yield: the Search Module has taken this page (written it, or buffered less than one write batch).
    await reportSeedProgress({ phase, done, total: Math.max(total ?? done, done), batches })
    if (rows.length < SEED_BATCH) break
  }
}

export default process.env.MEILISEARCH_HOST
  ? defineSearchIndex({
      name: PRODUCT_INDEX,
      entity: "product",
      provider: "meilisearch",
      fields,
      settings: {
        typo_tolerance: { enabled: true, disabled_on_attributes: ["household_codes"] },
        provider_options: {
          meilisearch: {
            synonyms: synonymMap(),
            // Short Chinese strings are otherwise sometimes detected as Japanese.
            localizedAttributes: [{ attributePatterns: CHINESE_ATTRIBUTES, locales: ["cmn"] }],
            rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "sold_count:desc"],
            pagination: { maxTotalHits: MAX_TOTAL_HITS },
            faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
          },
        },
      },
      // Typed loosely: the Search Module's seed context is wider than what we read.
      seed: seedProducts as never,
    })
  : undefined
