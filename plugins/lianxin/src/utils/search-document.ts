import { pinyinTerms, priceBand, shortPlaceName, titleGrams } from "./search-text"

/**
 * One product as the search index holds it (decision 012). Only what a resident
 * may see: the household's public code, and its public name only while it has
 * consented to a public profile. Never registry data — the graph this is built
 * from cannot reach it, and a test scans the index for it.
 */
export type ProductSearchDocument = {
  id: string
  handle: string
  title: string
  description: string
  keywords: string[]
  category_names: string[]
  category_handles: string[]
  villages: string[]
  provinces: string[]
  /**
   * Where it comes from, as residents say it: village, township, county and province, in full and short
   * (洛川县 and 洛川, 广西壮族自治区 and 广西), so 洛川苹果 and 陕西 小米 find their products.
   */
  places: string[]
  /** The variants' titles (5斤装, 500g, 30枚): residents type 苹果 5斤. */
  sizes: string[]
  household_codes: string[]
  household_names: string[]
  title_pinyin: string
  title_grams: string
  /** Lowest price of the product's variants in CNY, in fen. */
  price_min_fen: number
  /** Highest price of the product's variants, in fen: the storefront says "¥x 起" when it differs from the lowest. */
  price_max_fen: number
  price_band: string
  in_stock: boolean
  storage: "chilled" | "ambient"
  status: string
  sales_channel_ids: string[]
  thumbnail: string | null
  /** Unix milliseconds, for the "newest" sort. */
  created_at: number
  /** Units sold, for the "best-selling" sort. */
  sold_count: number
}

/** The query.graph fields toSearchDocument reads (entity "product"). */
export const PRODUCT_SEARCH_GRAPH_FIELDS = [
  "id",
  "handle",
  "title",
  "description",
  "status",
  "thumbnail",
  "metadata",
  "created_at",
  "updated_at",
  "categories.name",
  "categories.handle",
  "sales_channels.id",
  "variants.id",
  "variants.title",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "attribution.shares.share_bp",
  "attribution.shares.household.code",
  "attribution.shares.household.display_name",
  "attribution.shares.household.public_profile_consent",
  "attribution.shares.household.village.name",
  "attribution.shares.household.village.province",
  "attribution.shares.household.village.county",
  "attribution.shares.household.village.township",
] as const

type Maybe<T> = T | null | undefined

export type ProductSearchSource = {
  id: string
  handle?: Maybe<string>
  title?: Maybe<string>
  description?: Maybe<string>
  status?: Maybe<string>
  thumbnail?: Maybe<string>
  metadata?: Maybe<Record<string, unknown>>
  created_at?: Maybe<string | Date>
  categories?: Maybe<Maybe<{ name?: Maybe<string>; handle?: Maybe<string> }>[]>
  sales_channels?: Maybe<Maybe<{ id?: Maybe<string> }>[]>
  variants?: Maybe<
    Maybe<{
      title?: Maybe<string>
      manage_inventory?: Maybe<boolean>
      allow_backorder?: Maybe<boolean>
      prices?: Maybe<Maybe<{ amount?: Maybe<number | string>; currency_code?: Maybe<string> }>[]>
      inventory_items?: Maybe<
        Maybe<{
          required_quantity?: Maybe<number>
          inventory?: Maybe<{
            location_levels?: Maybe<
              Maybe<{ stocked_quantity?: Maybe<number | string>; reserved_quantity?: Maybe<number | string> }>[]
            >
          }>
        }>[]
      >
    }>[]
  >
  attribution?: Maybe<{
    shares?: Maybe<
      Maybe<{
        share_bp?: Maybe<number>
        household?: Maybe<{
          code?: Maybe<string>
          display_name?: Maybe<string>
          public_profile_consent?: Maybe<boolean>
          village?: Maybe<{
            name?: Maybe<string>
            province?: Maybe<string>
            county?: Maybe<string>
            township?: Maybe<string>
          }>
        }>
      }>[]
    >
  }>
}

const DESCRIPTION_LIMIT = 600
const CURRENCY = "cny"

function present<T>(values: Maybe<Maybe<T>[]>): T[] {
  return (values ?? []).filter((v): v is T => v !== null && v !== undefined)
}

function unique(values: Iterable<Maybe<string>>): string[] {
  return [...new Set([...values].filter((v): v is string => typeof v === "string" && v.trim() !== ""))]
}

/** "¥39.90" arrives as 39.9 (or "39.90000"); fen is an integer, rounded once. */
export function amountToFen(amount: number | string): number {
  const value = typeof amount === "string" ? Number(amount) : amount
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`Not a price: ${amount}`)
  }
  return Math.round(value * 100)
}

/** Curated keywords from product.metadata.search_keywords (array, or a 、/,-separated string). */
export function curatedKeywords(metadata: Maybe<Record<string, unknown>>): string[] {
  const raw = metadata?.search_keywords
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,，、;；\s]+/) : []
  return unique(list.map((k) => (typeof k === "string" ? k.trim() : ""))).slice(0, 30)
}

function available(variant: NonNullable<ProductSearchSource["variants"]>[number]): boolean {
  if (!variant) return false
  if (!variant.manage_inventory || variant.allow_backorder) return true
  const items = present(variant.inventory_items)
  if (!items.length) return false
  return items.every((item) => {
    const levels = present(item.inventory?.location_levels)
    const free = levels.reduce(
      (sum, level) => sum + Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0),
      0
    )
    return free >= (item.required_quantity ?? 1)
  })
}

/**
 * The document of a product, or null when it must not be in the index (not
 * published, or in none of the given sales channels).
 */
export function toSearchDocument(
  product: ProductSearchSource,
  options: { salesChannelIds?: readonly string[]; soldCount?: number } = {}
): ProductSearchDocument | null {
  if (product.status !== "published") return null
  const channels = unique(present(product.sales_channels).map((c) => c.id))
  if (options.salesChannelIds && !channels.some((id) => options.salesChannelIds?.includes(id))) return null
  if (!channels.length) return null

  const variants = present(product.variants)
  const prices = variants.flatMap((v) =>
    present(v.prices).filter((p) => (p.currency_code ?? "").toLowerCase() === CURRENCY && p.amount != null)
  )
  const fens = prices.map((p) => amountToFen(p.amount as number | string))
  const priceMin = fens.length ? Math.min(...fens) : 0
  const priceMax = fens.length ? Math.max(...fens) : 0

  const shares = present(product.attribution?.shares).sort((a, b) => (b.share_bp ?? 0) - (a.share_bp ?? 0))
  const households = present(shares.map((s) => s.household))
  const metadata = product.metadata ?? {}
  const title = product.title ?? ""
  const keywords = curatedKeywords(metadata)
  const villages = present(households.map((h) => h.village))
  const placeNames = unique(villages.flatMap((v) => [v.name, v.township, v.county, v.province]))

  return {
    id: product.id,
    handle: product.handle ?? "",
    title,
    description: (product.description ?? "").slice(0, DESCRIPTION_LIMIT),
    keywords,
    category_names: unique(present(product.categories).map((c) => c.name)),
    category_handles: unique(present(product.categories).map((c) => c.handle)),
    villages: unique(households.map((h) => h.village?.name)),
    provinces: unique(households.map((h) => h.village?.province)),
    places: unique([...placeNames, ...placeNames.map(shortPlaceName)]),
    sizes: unique(variants.map((v) => v.title)),
    household_codes: unique(households.map((h) => h.code)),
    household_names: unique(households.filter((h) => h.public_profile_consent === true).map((h) => h.display_name)),
    title_pinyin: pinyinTerms([title, ...keywords].join(" ")),
    title_grams: titleGrams(title),
    price_min_fen: priceMin,
    price_max_fen: priceMax,
    price_band: priceBand(priceMin),
    in_stock: variants.some(available),
    storage: metadata.perishability === "chilled" ? "chilled" : "ambient",
    status: product.status,
    sales_channel_ids: channels,
    thumbnail: product.thumbnail ?? null,
    created_at: product.created_at ? new Date(product.created_at).getTime() : 0,
    sold_count: Math.max(0, Math.trunc(options.soldCount ?? 0)),
  }
}
