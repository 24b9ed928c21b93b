import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LineAttribution } from "../../../../utils/ledger-postings"
import type { StoredPolicy } from "../../../../utils/policy-resolution"
import { splitVariants } from "../../../utils/split-variants"
import { type HouseholdForProfile, toPublicHouseholdProfile } from "../../../store/households/public-profile"
import type {
  CatalogProduct,
  CatalogProductBreakdown,
  CatalogProductHousehold,
  CatalogProductVariant,
} from "./product-contract"

/**
 * The product page's read (issue 16, decision 027): everything the page shows
 * about one product in one backend call — the product with its variants (CNY
 * price in fen, stock counted over the key's channels' locations), its origin
 * from metadata, the producer household's public profile (consented fields
 * only; the registry is not reachable from here) and the revenue-share
 * breakdown. Lean statements read fresh on every request, so a price change,
 * a sell-out, an unpublish or a withdrawn consent is in the next answer; the
 * storefront's HTTP caching (s-maxage, ETag) is the cache, as for the lists.
 */
export type {
  CatalogProduct,
  CatalogProductBreakdown,
  CatalogProductHousehold,
  CatalogProductVariant,
  StoreCatalogProductResponse,
} from "./product-contract"

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/**
 * The public profile's fields of a household (HOUSEHOLD_PROFILE_FIELDS of
 * households/public-profile.ts: all plain columns, nothing of the encrypted
 * registry) as one JSON object; `h` is the household, `hv` its village.
 */
const HOUSEHOLD_PROFILE_JSON = `json_build_object(
      'code', h.code, 'display_name', h.display_name, 'story', h.story, 'photo_url', h.photo_url,
      'public_profile_consent', h.public_profile_consent,
      'village', CASE WHEN hv.id IS NULL THEN NULL ELSE json_build_object(
        'name', hv.name, 'township', hv.township, 'county', hv.county, 'province', hv.province) END)`

/**
 * One statement: the published product with this handle in one of the key's
 * channels, its images, and its variants with their CNY base price and the
 * quantity Medusa's store API would report (per inventory item: free units over
 * the channels' stock locations divided by the required quantity; the least of
 * those). Beside it, what the page's producer and breakdown need, read as
 * productSplit reads them through Query (nothing soft-deleted): the product's
 * category ids; its attribution across the product ↔ attribution link
 * (src/links/product-household-attribution.ts) with each share's household
 * code; the current split policies (as RevenueShareModuleService.currentPolicies,
 * only the scopes that could apply to this product); and the household whose
 * code the metadata names, with its village.
 */
export const CATALOG_PRODUCT_SQL = `
SELECT p.id, p.handle, p.title, p.description, p.thumbnail, p.metadata,
  COALESCE((SELECT json_agg(i.url ORDER BY i.rank, i.id) FROM image i
            WHERE i.product_id = p.id AND i.deleted_at IS NULL), '[]'::json) AS images,
  COALESCE((SELECT json_agg(json_build_object(
      'id', v.id,
      'title', v.title,
      'manage_inventory', v.manage_inventory,
      'allow_backorder', v.allow_backorder,
      'weight', v.weight,
      'net_weight_g', v.metadata->'net_weight_g',
      'price', (SELECT round(pr.amount * 100) FROM product_variant_price_set vps
                  JOIN price pr ON pr.price_set_id = vps.price_set_id AND pr.deleted_at IS NULL
                               AND pr.price_list_id IS NULL AND lower(pr.currency_code) = 'cny'
                 WHERE vps.variant_id = v.id AND vps.deleted_at IS NULL
                 ORDER BY pr.rules_count, pr.amount LIMIT 1),
      'quantity', (SELECT min(floor(COALESCE((
                     SELECT sum(il.stocked_quantity - il.reserved_quantity) FROM inventory_level il
                      WHERE il.inventory_item_id = vi.inventory_item_id AND il.deleted_at IS NULL
                        AND il.location_id IN (SELECT scl.stock_location_id FROM sales_channel_stock_location scl
                                                WHERE scl.deleted_at IS NULL AND scl.sales_channel_id = ANY(?::text[]))
                   ), 0) / GREATEST(vi.required_quantity, 1)))
                   FROM product_variant_inventory_item vi
                  WHERE vi.variant_id = v.id AND vi.deleted_at IS NULL)
    ) ORDER BY v.variant_rank NULLS LAST, v.created_at, v.id)
    FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL), '[]'::json) AS variants,
  COALESCE(cat.ids, '{}') AS category_ids,
  attr.id AS attribution_id, attr.cooperative_id, COALESCE(share.list, '[]'::json) AS attribution_shares,
  COALESCE((SELECT json_agg(sp) FROM (
      SELECT DISTINCT ON (sp.scope, COALESCE(sp.scope_id, ''))
             sp.id, sp.scope, sp.scope_id, sp.version, sp.household_bp, sp.cooperative_bp, sp.property_office_bp, sp.platform_bp
        FROM split_policy sp
       WHERE sp.deleted_at IS NULL
         AND (sp.scope = 'global'
              OR (sp.scope = 'category' AND sp.scope_id = ANY(cat.ids))
              OR (sp.scope = 'cooperative' AND sp.scope_id = attr.cooperative_id)
              OR (sp.scope = 'household' AND sp.scope_id = ANY(share.household_ids)))
       ORDER BY sp.scope, COALESCE(sp.scope_id, ''), sp.version DESC) sp), '[]'::json) AS policies,
  substring(p.metadata->>'household_code' from '^\\s*(\\S+)\\s*$') AS household_lookup_code,
  (SELECT ${HOUSEHOLD_PROFILE_JSON}
     FROM household h LEFT JOIN village hv ON hv.id = h.village_id AND hv.deleted_at IS NULL
    WHERE h.code = substring(p.metadata->>'household_code' from '^\\s*(\\S+)\\s*$') AND h.deleted_at IS NULL
    LIMIT 1) AS household
FROM product p
LEFT JOIN LATERAL (
  SELECT array_agg(pc.id ORDER BY pc.id) AS ids
    FROM product_category_product pcp
    JOIN product_category pc ON pc.id = pcp.product_category_id AND pc.deleted_at IS NULL
   WHERE pcp.product_id = p.id) cat ON true
LEFT JOIN LATERAL (
  SELECT a.id, a.cooperative_id
    FROM product_product_household_attribution l
    JOIN attribution a ON a.id = l.attribution_id AND a.deleted_at IS NULL
   WHERE l.product_id = p.id AND l.deleted_at IS NULL
   ORDER BY l.created_at DESC, a.id
   LIMIT 1) attr ON true
LEFT JOIN LATERAL (
  SELECT json_agg(json_build_object('household_id', s.household_id, 'share_bp', s.share_bp, 'code', sh.code)) AS list,
         array_agg(s.household_id) AS household_ids
    FROM attribution_share s
    LEFT JOIN household sh ON sh.id = s.household_id AND sh.deleted_at IS NULL
   WHERE s.attribution_id = attr.id AND s.deleted_at IS NULL) share ON true
WHERE p.handle = ? AND p.status = 'published' AND p.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM product_sales_channel psc
              WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = ANY(?::text[]))
LIMIT 1`

/** The household profile by code, for a metadata code the statement above could not look up as JavaScript reads it. */
const HOUSEHOLD_PROFILE_SQL = `
SELECT ${HOUSEHOLD_PROFILE_JSON} AS household
  FROM household h LEFT JOIN village hv ON hv.id = h.village_id AND hv.deleted_at IS NULL
 WHERE h.code = ? AND h.deleted_at IS NULL
 LIMIT 1`

const HOUSEHOLD_CODE = /^[A-Z]{2}-[A-Z0-9]{2,6}-\d{3,4}$/

/** A metadata value as text: numbers as written, blank strings as absent (as the storefront always read it). */
export function metadataText(metadata: Record<string, unknown> | null | undefined, key: string): string | null {
  const value = metadata?.[key]
  if (typeof value === "number") return String(value)
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null
}

function grams(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null
}

type RawVariant = {
  id: string
  title: string | null
  manage_inventory: boolean | null
  allow_backorder: boolean | null
  weight: number | string | null
  net_weight_g: unknown
  price: number | string | null
  quantity: number | string | null
}

export function toCatalogVariant(v: RawVariant): CatalogProductVariant {
  const manage = v.manage_inventory !== false
  const price = v.price === null || v.price === undefined ? null : Number(v.price)
  return {
    id: v.id,
    title: v.title ?? null,
    price_fen: price !== null && Number.isFinite(price) ? price : null,
    manage_inventory: manage,
    allow_backorder: v.allow_backorder === true,
    // A managed variant without inventory items has nothing to sell (Medusa reports 0 for it).
    inventory_quantity: manage ? Math.max(0, Number(v.quantity ?? 0)) : null,
    weight_g: grams(v.weight) ?? grams(v.net_weight_g),
  }
}

/** The page's household from the public profile's allow-list (display name, story, photo only with consent). */
export function toCatalogHousehold(household: HouseholdForProfile): CatalogProductHousehold {
  const profile = toPublicHouseholdProfile(household, { salesChannelIds: [], productLimit: 0 })
  return {
    code: profile.code,
    public_profile: profile.public_profile,
    display_name: profile.public_profile ? (profile.display_name ?? null) : null,
    story: profile.public_profile ? profile.story?.trim() || null : null,
    photo_url: profile.public_profile ? (profile.photo_url ?? null) : null,
    village: profile.village,
  }
}

async function publicHousehold(
  knex: Knex,
  code: string | null,
  rawCode: unknown,
  row: Record<string, unknown>
): Promise<CatalogProductHousehold | null> {
  if (!code || !HOUSEHOLD_CODE.test(code)) return null
  const found = row.household as HouseholdForProfile | null
  if (found?.code === code) return toCatalogHousehold(found)
  // The statement looked the code up exactly as written (no household has it), unless the metadata wrapped it in
  // whitespace that PostgreSQL's \s and JavaScript's trim() read differently: then by the trimmed code.
  if (rawCode === code && row.household_lookup_code === code) return null
  const { rows } = await knex.raw(HOUSEHOLD_PROFILE_SQL, [code])
  const household = rows[0]?.household as HouseholdForProfile | null | undefined
  return household ? toCatalogHousehold(household) : null
}

type RawShare = { household_id: string; share_bp: number | string; code: string | null }

/** The breakdown from the statement's row: productSplit's answer for this product, without its Query reads. */
export function catalogBreakdown(
  productId: string,
  row: {
    variants: RawVariant[]
    category_ids: string[]
    attribution_id: string | null
    cooperative_id: string | null
    attribution_shares: RawShare[]
    policies: StoredPolicy[]
  }
): CatalogProductBreakdown | null {
  const shares = row.attribution_shares ?? []
  const attribution: LineAttribution | null = row.attribution_id
    ? {
        cooperative_id: row.cooperative_id ?? null,
        households: shares
          .map((s) => ({ household_id: s.household_id, share_bp: Number(s.share_bp) }))
          .sort((x, y) => x.household_id.localeCompare(y.household_id)),
      }
    : null
  // The page's variants with a CNY base price (the fen it shows), as productSplit takes each variant's CNY price.
  const priced = row.variants.flatMap((v) => {
    const price = toCatalogVariant(v).price_fen
    return price === null ? [] : [{ variant_id: v.id, title: v.title as string, price_fen: price }]
  })
  // No split policy in force: the page leaves the breakdown out, as the breakdown route's 404 did.
  const split = splitVariants(row.policies ?? [], { attribution, category_ids: row.category_ids ?? [] }, priced)
  if (!split) return null
  return {
    product_id: productId,
    policy_version: split.policy.version,
    household_codes: attribution?.households.length ? shares.flatMap((s) => (s.code ? [s.code] : [])).sort() : [],
    variants: split.variants.map((v) => ({ ...v, title: v.title ?? null })),
  }
}

/** The product page's data for this handle, or null when no published product of the key's channels has it. */
export async function readCatalogProduct(
  container: MedusaContainer,
  handle: string,
  salesChannelIds: string[]
): Promise<CatalogProduct | null> {
  if (!salesChannelIds.length) return null
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(CATALOG_PRODUCT_SQL, [salesChannelIds, handle, salesChannelIds])
  const row = rows[0]
  if (!row) return null
  const metadata = (row.metadata as Record<string, unknown> | null) ?? null
  const householdCode = metadataText(metadata, "household_code")
  const household = await publicHousehold(knex, householdCode, metadata?.household_code, row)
  const price_breakdown = catalogBreakdown(String(row.id), row as Parameters<typeof catalogBreakdown>[1])
  return {
    id: String(row.id),
    handle: String(row.handle),
    title: String(row.title),
    description: typeof row.description === "string" && row.description.trim() ? row.description.trim() : null,
    thumbnail: (row.thumbnail as string | null) ?? null,
    images: (row.images as string[]).filter((url) => typeof url === "string" && url !== ""),
    storage: metadataText(metadata, "perishability") === "chilled" ? "chilled" : "ambient",
    origin: {
      village: metadataText(metadata, "village"),
      village_region:
        ["province", "prefecture", "county", "township"]
          .map((key) => metadataText(metadata, key))
          .filter(Boolean)
          .join("") || null,
      cooperative: metadataText(metadata, "cooperative"),
      household_code: householdCode,
      harvest:
        metadataText(metadata, "harvest") ??
        metadataText(metadata, "harvest_date") ??
        metadataText(metadata, "harvest_season"),
      harvest_note: metadataText(metadata, "harvest_note"),
    },
    variants: (row.variants as RawVariant[]).map(toCatalogVariant),
    household,
    price_breakdown,
  }
}
