/**
 * The answer of GET /store/lianxin/catalog/products/:handle as it travels
 * (decision 027): money in integer fen. No imports, so the storefront's parser
 * (storefront/app/lib/contract.ts) can be checked against it at compile time.
 */
export type CatalogProductVariant = {
  id: string
  title: string | null
  /** The CNY base price in fen; null when the variant has none. */
  price_fen: number | null
  manage_inventory: boolean
  allow_backorder: boolean
  /** Units that can be sold now over the channels' stock locations; null when inventory is not managed. */
  inventory_quantity: number | null
  /** Net weight in grams from the variant's weight or metadata.net_weight_g; null when neither says. */
  weight_g: number | null
}

export type CatalogProductHousehold = {
  code: string
  public_profile: boolean
  /** Only while the household consents to a public profile. */
  display_name: string | null
  story: string | null
  photo_url: string | null
  village: { name: string; township: string | null; county: string; province: string } | null
}

export type CatalogProductBreakdown = {
  product_id: string
  policy_version: number
  household_codes: string[]
  variants: Array<{
    variant_id: string
    title: string | null
    price_fen: number
    shares_fen: { household: number; cooperative: number; property_office: number; platform: number }
  }>
}

export type CatalogProduct = {
  id: string
  handle: string
  title: string
  description: string | null
  thumbnail: string | null
  images: string[]
  storage: "chilled" | "ambient"
  /** From the product's metadata, as the merchant wrote it; each null when absent. */
  origin: {
    village: string | null
    /** Province to township, e.g. 云南省临沧市双江县勐库镇. */
    village_region: string | null
    cooperative: string | null
    household_code: string | null
    harvest: string | null
    harvest_note: string | null
  }
  variants: CatalogProductVariant[]
  /** The producer's public profile; null without a (well-formed, known) household code. */
  household: CatalogProductHousehold | null
  /** Where each price goes; null when no split policy is in force. */
  price_breakdown: CatalogProductBreakdown | null
}

export type StoreCatalogProductResponse = { product: CatalogProduct }
