/**
 * Shapes of the seed data. Plain data with no Medusa imports, so the later
 * households module (and tests) can import the villages and households as they are.
 */

/** A village that producers belong to. All villages are fictional; counties and provinces are real. */
export type Village = {
  /** Prefix of its households' public codes, e.g. "YN-LC" for 云南 临沧. */
  codePrefix: string
  name: string
  township: string
  county: string
  /** 地级市 or 自治州. */
  prefecture: string
  province: string
  /** The village's cooperative, when it has one. Households may or may not be members. */
  cooperative?: string
  /** One line about the place, in Chinese. */
  note: string
}

/** A producer household, shown to residents by its pseudonymous code and display name only. */
export type Household = {
  /** Public pseudonymous code: village prefix plus a three-digit number, e.g. "YN-LC-007". */
  code: string
  displayName: string
  villageCodePrefix: string
  /** Whether the household sells through the village cooperative. */
  cooperativeMember: boolean
  /** A short, honest story in Chinese: what they grow, how, and what it costs them. */
  story: string
}

export type CategorySeed = {
  /** ASCII kebab-case, stable: the storefront links to it. */
  handle: string
  name: string
  description: string
}

export type VariantSeed = {
  /** Short ASCII key, unique within the product; the SKU is `${handle}-${key}`. */
  key: string
  /** What the resident picks, e.g. "5斤装", "500g", "30枚". */
  title: string
  /** Price in fen (分): 3990 is ¥39.90. Converted once, in money.ts. */
  priceFen: number
  /** Units on hand at the scenario's stock location. */
  stock: number
  /** Net weight in grams, when sold by weight or volume-equivalent. */
  netWeightG?: number
  /** Pieces per pack, when sold by count (eggs). */
  count?: number
}

export type ProductSeed = {
  /** ASCII kebab-case, unique. */
  handle: string
  title: string
  /**
   * Curated search keywords (product.metadata.search_keywords): other names for it (马铃薯 for 土豆), its
   * English name, the place it is known by. Not the title's own words: search finds those already.
   */
  keywords?: string[]
  description: string
  /** Handle of a CategorySeed in the same catalog. */
  category: string
  /** Code of a Household in the same catalog. */
  householdCode: string
  /** File name (without .svg) in fluentui-emoji/icons/flat. */
  emoji: string
  variants: VariantSeed[]
}

/** Everything one scenario puts in the shop. */
export type Catalog = {
  villages: Village[]
  households: Household[]
  categories: CategorySeed[]
  products: ProductSeed[]
}
