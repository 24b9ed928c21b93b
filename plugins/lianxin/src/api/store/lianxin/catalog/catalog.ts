import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCT_INDEX } from "../../../../search/settings"
import type { ProductSearchDocument } from "../../../../utils/search-document"
import { productSearchModule } from "../../../../workflows/search/drain-search-outbox"
import type { SearchModule } from "../search/search"
import type { StoreGetCatalogType } from "./validators"

/**
 * The browsing read model (issue 16): product cards for the home and category
 * lists, from the search index's documents (kept current by the search outbox
 * on every price, stock, status, attribution and consent change), or — when
 * Meilisearch cannot answer — from one lean PostgreSQL query. Never Medusa's
 * full product query per view.
 */
export type CatalogCard = {
  id: string
  handle: string
  title: string
  thumbnail: string | null
  /** Lowest and highest variant price in CNY, in fen (null: no CNY price). */
  price_min_fen: number | null
  price_max_fen: number | null
  in_stock: boolean
  storage: "chilled" | "ambient"
  /** The pack size when the product is sold in exactly one (e.g. 5斤装), else null. */
  unit: string | null
  category_handles: string[]
  villages: string[]
  /** The producing household's public name, only while it consents to a public profile (index only). */
  producer: string | null
}

export type CatalogAnswer = {
  products: CatalogCard[]
  count: number
  offset: number
  limit: number
  engine: "meilisearch" | "postgres"
  degraded: boolean
}

export type CatalogVillage = { code: string; name: string; region: string | null; product_count: number }

const RETRIEVE = [
  "id",
  "handle",
  "title",
  "thumbnail",
  "price_min_fen",
  "price_max_fen",
  "in_stock",
  "storage",
  "sizes",
  "category_handles",
  "villages",
  "household_names",
] as const

const SORTS: Record<StoreGetCatalogType["sort"], Record<string, "ASC" | "DESC">> = {
  newest: { created_at: "DESC" },
  price_asc: { price_min_fen: "ASC" },
  price_desc: { price_min_fen: "DESC" },
  best_selling: { sold_count: "DESC" },
}

/** Medusa names the variant of a product without options "Default variant"; that is not a unit. */
const PLACEHOLDER_UNITS = new Set(["default variant", "default title", "default"])

export function unitFromSizes(sizes: readonly (string | null | undefined)[] | null | undefined): string | null {
  const usable = [...new Set((sizes ?? []).map((s) => s?.trim()).filter((s): s is string => !!s))]
  if (usable.length !== 1) return null
  return PLACEHOLDER_UNITS.has(usable[0]!.toLowerCase()) ? null : usable[0]!
}

export function cardFromDocument(doc: Partial<ProductSearchDocument>): CatalogCard {
  const min = doc.price_min_fen
  const max = doc.price_max_fen
  return {
    id: doc.id ?? "",
    handle: doc.handle ?? "",
    title: doc.title ?? "",
    thumbnail: doc.thumbnail ?? null,
    // The document says 0 when no variant has a CNY price: that is "no price", not free.
    price_min_fen: typeof min === "number" && min > 0 ? min : null,
    price_max_fen: typeof max === "number" && max > 0 ? max : null,
    in_stock: doc.in_stock === true,
    storage: doc.storage === "chilled" ? "chilled" : "ambient",
    unit: unitFromSizes(doc.sizes),
    category_handles: doc.category_handles ?? [],
    villages: doc.villages ?? [],
    producer: doc.household_names?.[0] ?? null,
  }
}

export async function catalogMeili(
  search: SearchModule,
  input: StoreGetCatalogType,
  salesChannelIds: string[]
): Promise<CatalogAnswer> {
  const result = await search.search({
    entity: PRODUCT_INDEX,
    fields: [...RETRIEVE],
    filters: {
      q: "",
      status: "published",
      sales_channel_ids: salesChannelIds,
      ...(input.category ? { category_handles: input.category } : {}),
      ...(input.village ? { villages: input.village } : {}),
    },
    pagination: { skip: input.offset, take: input.limit, order: SORTS[input.sort] },
  })
  return {
    products: result.hits.map((hit) => cardFromDocument(hit.document as Partial<ProductSearchDocument>)),
    count: result.metadata.count ?? result.hits.length,
    offset: input.offset,
    limit: input.limit,
    engine: "meilisearch",
    degraded: false,
  }
}

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

const PG_ORDER: Record<StoreGetCatalogType["sort"], string> = {
  newest: "p.created_at DESC, p.id",
  price_asc: "price_min ASC NULLS LAST, p.id",
  price_desc: "price_min DESC NULLS LAST, p.id",
  // Sales counts live in the index only; PostgreSQL answers newest first.
  best_selling: "p.created_at DESC, p.id",
}

/**
 * The same cards from PostgreSQL in one statement: published products of the
 * key's channels, their lowest/highest CNY base price, whether any variant can
 * be bought (the document's rule: not managed, backorder, or every inventory
 * item has its required quantity free over its levels), and their categories.
 * Villages come from product metadata (the household link is the index's).
 */
export const CATALOG_SQL = (order: string, byCategory: boolean, byVillage: boolean) => `
WITH listed AS (
  SELECT p.id, p.handle, p.title, p.thumbnail, p.created_at, p.metadata
  FROM product p
  WHERE p.status = 'published' AND p.deleted_at IS NULL
    AND EXISTS (SELECT 1 FROM product_sales_channel psc
                WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = ANY(?::text[]))
    ${
      byCategory
        ? `AND EXISTS (SELECT 1 FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
                WHERE pcp.product_id = p.id AND pc.deleted_at IS NULL AND pc.handle = ?)`
        : ""
    }
    ${byVillage ? "AND p.metadata->>'village' = ?" : ""}
), priced AS (
  SELECT p.*,
    (SELECT round(min(pr.amount) * 100) FROM product_variant v
       JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
       JOIN price pr ON pr.price_set_id = vps.price_set_id AND pr.deleted_at IS NULL AND pr.price_list_id IS NULL
                    AND lower(pr.currency_code) = 'cny'
      WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS price_min,
    (SELECT round(max(pr.amount) * 100) FROM product_variant v
       JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
       JOIN price pr ON pr.price_set_id = vps.price_set_id AND pr.deleted_at IS NULL AND pr.price_list_id IS NULL
                    AND lower(pr.currency_code) = 'cny'
      WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS price_max,
    count(*) OVER () AS total
  FROM listed p
)
SELECT p.id, p.handle, p.title, p.thumbnail, p.metadata->>'perishability' AS perishability, p.metadata->>'village' AS village,
  p.price_min, p.price_max, p.total,
  (SELECT array_agg(DISTINCT v.title) FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL) AS sizes,
  (SELECT array_agg(DISTINCT pc.handle) FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
    WHERE pcp.product_id = p.id AND pc.deleted_at IS NULL) AS category_handles,
  COALESCE((SELECT bool_or(
      NOT v.manage_inventory OR v.allow_backorder OR (
        EXISTS (SELECT 1 FROM product_variant_inventory_item vi WHERE vi.variant_id = v.id AND vi.deleted_at IS NULL)
        AND NOT EXISTS (
          SELECT 1 FROM product_variant_inventory_item vi
          WHERE vi.variant_id = v.id AND vi.deleted_at IS NULL
            AND COALESCE((SELECT sum(il.stocked_quantity - il.reserved_quantity) FROM inventory_level il
                           WHERE il.inventory_item_id = vi.inventory_item_id AND il.deleted_at IS NULL), 0) < vi.required_quantity)))
    FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL), false) AS in_stock
FROM priced p
ORDER BY ${order}
LIMIT ? OFFSET ?`

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export async function catalogPostgres(
  container: MedusaContainer,
  input: StoreGetCatalogType,
  salesChannelIds: string[]
): Promise<CatalogAnswer> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const bindings: unknown[] = [salesChannelIds]
  if (input.category) bindings.push(input.category)
  if (input.village) bindings.push(input.village)
  bindings.push(input.limit, input.offset)
  const { rows } = await knex.raw(CATALOG_SQL(PG_ORDER[input.sort], !!input.category, !!input.village), bindings)
  const products = rows.map((r): CatalogCard => {
    const min = numberOrNull(r.price_min)
    const max = numberOrNull(r.price_max)
    return {
      id: String(r.id),
      handle: String(r.handle),
      title: String(r.title),
      thumbnail: (r.thumbnail as string | null) ?? null,
      price_min_fen: min !== null && min > 0 ? min : null,
      price_max_fen: max !== null && max > 0 ? max : null,
      in_stock: r.in_stock === true,
      storage: r.perishability === "chilled" ? "chilled" : "ambient",
      unit: unitFromSizes(r.sizes as string[] | null),
      category_handles: ((r.category_handles as string[] | null) ?? []).filter(Boolean),
      villages: typeof r.village === "string" && r.village.trim() ? [r.village.trim()] : [],
      producer: null,
    }
  })
  // A page past the end has no rows to carry the window count: count it then (rare: a stale link).
  let count = rows.length ? Number(rows[0]!.total) : 0
  if (!rows.length && input.offset > 0) {
    const again = await knex.raw(CATALOG_SQL(PG_ORDER[input.sort], !!input.category, !!input.village), [
      ...bindings.slice(0, -2),
      1,
      0,
    ])
    count = again.rows.length ? Number(again.rows[0]!.total) : 0
  }
  return { products, count, offset: input.offset, limit: input.limit, engine: "postgres", degraded: true }
}

/** Cards for a browsing list: Meilisearch when it answers, else PostgreSQL (never an error page). */
export async function listCatalog(
  container: MedusaContainer,
  input: StoreGetCatalogType,
  salesChannelIds: string[]
): Promise<CatalogAnswer> {
  if (!salesChannelIds.length) {
    return { products: [], count: 0, offset: input.offset, limit: input.limit, engine: "postgres", degraded: false }
  }
  const search = productSearchModule(container) as SearchModule | undefined
  if (search) {
    try {
      return await catalogMeili(search, input, salesChannelIds)
    } catch (error) {
      container
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(
          `[catalog] Meilisearch did not answer, listing from PostgreSQL: ${error instanceof Error ? error.message : error}`
        )
    }
  }
  return catalogPostgres(container, input, salesChannelIds)
}

/**
 * The villages the home page lists, with how many products each has: one
 * grouped statement over the products' metadata (household_code, village and
 * region keys, as the product page reads them), not every product sent to the
 * storefront to be counted there. The code is the household code's prefix
 * (ZJ-LS-001 → ZJ-LS), as the storefront's village pages use it.
 */
export async function listCatalogVillages(
  container: MedusaContainer,
  salesChannelIds: string[]
): Promise<CatalogVillage[]> {
  if (!salesChannelIds.length) return []
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `SELECT code, min(name) AS name, min(region) AS region, count(*) AS product_count FROM (
       SELECT substring(upper(trim(p.metadata->>'household_code')) FROM '^([A-Z]{2}-[A-Z0-9]{2,6})-[0-9]{3,4}$') AS code,
              nullif(trim(p.metadata->>'village'), '') AS name,
              nullif(concat_ws('', nullif(trim(p.metadata->>'province'), ''), nullif(trim(p.metadata->>'prefecture'), ''),
                               nullif(trim(p.metadata->>'county'), ''), nullif(trim(p.metadata->>'township'), '')), '') AS region
       FROM product p
       WHERE p.status = 'published' AND p.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM product_sales_channel psc
                     WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = ANY(?::text[]))
     ) origins
     WHERE code IS NOT NULL AND name IS NOT NULL
     GROUP BY code
     ORDER BY code`,
    [salesChannelIds]
  )
  return rows
    .map((r) => ({
      code: String(r.code),
      name: String(r.name),
      region: (r.region as string | null) ?? null,
      product_count: Number(r.product_count),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.code.localeCompare(b.code))
}
