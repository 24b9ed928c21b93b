import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { productSplit } from "../../../utils/product-split"
import {
  HOUSEHOLD_PROFILE_FIELDS,
  type HouseholdForProfile,
  toPublicHouseholdProfile,
} from "../../../store/households/public-profile"
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
 * One statement: the published product with this handle in one of the key's
 * channels, its images, and its variants with their CNY base price and the
 * quantity Medusa's store API would report (per inventory item: free units over
 * the channels' stock locations divided by the required quantity; the least of
 * those).
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
    FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL), '[]'::json) AS variants
FROM product p
WHERE p.handle = ? AND p.status = 'published' AND p.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM product_sales_channel psc
              WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = ANY(?::text[]))
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

async function publicHousehold(
  container: MedusaContainer,
  code: string | null
): Promise<CatalogProductHousehold | null> {
  if (!code || !HOUSEHOLD_CODE.test(code)) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "household",
    fields: HOUSEHOLD_PROFILE_FIELDS,
    filters: { code },
  })
  if (!data[0]) return null
  // The households route's allow-list decides what the public may see (display name, story, photo only with consent).
  const profile = toPublicHouseholdProfile(data[0] as HouseholdForProfile, { salesChannelIds: [], productLimit: 0 })
  return {
    code: profile.code,
    public_profile: profile.public_profile,
    display_name: profile.public_profile ? (profile.display_name ?? null) : null,
    story: profile.public_profile ? profile.story?.trim() || null : null,
    photo_url: profile.public_profile ? (profile.photo_url ?? null) : null,
    village: profile.village,
  }
}

async function breakdown(container: MedusaContainer, productId: string): Promise<CatalogProductBreakdown | null> {
  try {
    const split = await productSplit(container, productId)
    return {
      product_id: split.product_id,
      policy_version: split.policy.version,
      household_codes: split.household_codes,
      variants: split.variants.map((v) => ({ ...v, title: v.title ?? null })),
    }
  } catch (error) {
    // No split policy in force: the page leaves the breakdown out, as the breakdown route's 404 did.
    if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND) return null
    throw error
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
  const [household, price_breakdown] = await Promise.all([
    publicHousehold(container, householdCode),
    breakdown(container, String(row.id)),
  ])
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
