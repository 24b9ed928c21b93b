import { minFen, type Fen } from "./money"
import type { StorageClass } from "./commerce"

/**
 * What the pages show about products: plain, serialisable view models built
 * on the server from Medusa's responses. Components never see Medusa types.
 */
export type StockStatus = { kind: "in" } | { kind: "low"; count: number } | { kind: "out" }

export type VariantView = {
  id: string
  /** The unit or pack size as the merchant named it, e.g. 5斤装. */
  title: string | null
  priceFen: Fen | null
  stock: StockStatus
  /** Net weight in grams when known (Medusa's variant weight, metadata net_weight_g, or a title such as 5斤装). */
  weightG?: number | null
}

export type ProductSummary = {
  id: string
  handle: string
  title: string
  thumbnail: string | null
  /** The lowest variant price. */
  priceFen: Fen | null
  /** True when variants are priced differently: the card then says "¥x 起". */
  priceVaries: boolean
  /** The unit when there is exactly one variant with a meaningful title. */
  unit: string | null
  stock: StockStatus
  /** How the pickup point stores it (metadata.perishability): what "unavailable for my cycle" is decided on. */
  storage?: StorageClass
}

export type ProductDetail = ProductSummary & {
  description: string | null
  images: string[]
  variants: VariantView[]
  /** Producer details from the product's metadata, each null when absent. */
  village: string | null
  /** Province to township, e.g. 云南省临沧市双江…县勐库镇. */
  villageRegion: string | null
  cooperative: string | null
  householdCode: string | null
  /** When it is picked (e.g. 2026-10, 十月下旬), from metadata.harvest / harvest_date / harvest_season. */
  harvest: string | null
  harvestNote: string | null
}

/** At or below this many units left we say "only N left". */
export const LOW_STOCK = 5

export function variantStock(variant: {
  manageInventory: boolean | null | undefined
  allowBackorder: boolean | null | undefined
  quantity: number | null | undefined
}): StockStatus {
  // Medusa sells freely when inventory is not managed or backorders are allowed.
  if (variant.manageInventory === false || variant.allowBackorder === true) return { kind: "in" }
  // Unknown quantity (the field was not returned): do not claim it is sold out.
  if (variant.quantity === null || variant.quantity === undefined) return { kind: "in" }
  if (variant.quantity <= 0) return { kind: "out" }
  if (variant.quantity <= LOW_STOCK) return { kind: "low", count: variant.quantity }
  return { kind: "in" }
}

/** A product is available when any variant is; "low" only when every available variant is low. */
export function productStock(stocks: ReadonlyArray<StockStatus>): StockStatus {
  const available = stocks.filter((s) => s.kind !== "out")
  if (stocks.length === 0 || available.length === 0) return { kind: "out" }
  if (available.some((s) => s.kind === "in")) return { kind: "in" }
  const count = available.reduce((sum, s) => sum + (s.kind === "low" ? s.count : 0), 0)
  return count <= LOW_STOCK ? { kind: "low", count } : { kind: "in" }
}

/** Medusa names the variant of a product without options "Default variant"; that is not a unit. */
const PLACEHOLDER_VARIANT_TITLES = new Set(["default variant", "default title", "default"])

export function unitOf(variants: ReadonlyArray<Pick<VariantView, "title">>): string | null {
  if (variants.length !== 1) return null
  const title = variants[0]?.title?.trim()
  if (!title || PLACEHOLDER_VARIANT_TITLES.has(title.toLowerCase())) return null
  return title
}

export function summarise(
  base: Pick<ProductSummary, "id" | "handle" | "title" | "thumbnail" | "storage">,
  variants: ReadonlyArray<VariantView>
): ProductSummary {
  const prices = variants.map((v) => v.priceFen)
  const known = prices.filter((p): p is Fen => p !== null)
  return {
    ...base,
    priceFen: minFen(prices),
    priceVaries: new Set(known).size > 1,
    unit: unitOf(variants),
    stock: productStock(variants.map((v) => v.stock)),
  }
}

export type CategoryView = { id: string; name: string; handle: string; description: string | null }

/** Where a product comes from, as its metadata records it. */
export type ProductOrigin = {
  productId: string
  handle: string
  title: string
  householdCode: string
  village: string
  villageRegion: string | null
}

export type VillageView = {
  /** The households' code prefix, e.g. ZJ-LS for ZJ-LS-001: the village's address in the shop. */
  code: string
  name: string
  region: string | null
  householdCodes: string[]
  products: Array<Pick<ProductOrigin, "handle" | "title">>
}

/** ZJ-LS-001 → ZJ-LS; null for codes that do not look like household codes. */
export function villageCodeOf(householdCode: string): string | null {
  const match = /^([A-Z]{2}-[A-Z0-9]{2,6})-\d{3,4}$/.exec(householdCode.trim().toUpperCase())
  return match ? match[1]! : null
}

/** Groups product origins into villages, in the order Chinese readers expect (by name, pinyin collation). */
export function villagesFrom(origins: ReadonlyArray<ProductOrigin>): VillageView[] {
  const villages = new Map<string, VillageView>()
  for (const origin of origins) {
    const code = villageCodeOf(origin.householdCode)
    if (!code) continue
    const village = villages.get(code) ?? {
      code,
      name: origin.village,
      region: origin.villageRegion,
      householdCodes: [],
      products: [],
    }
    if (!village.householdCodes.includes(origin.householdCode)) village.householdCodes.push(origin.householdCode)
    village.products.push({ handle: origin.handle, title: origin.title })
    villages.set(code, village)
  }
  return [...villages.values()]
    .map((v) => ({ ...v, householdCodes: [...v.householdCodes].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.code.localeCompare(b.code))
}

/** Grams in one 斤 (市斤) and one kilogram. */
const GRAMS = { 斤: 500, 公斤: 1000, 千克: 1000, kg: 1000, g: 1, 克: 1 } as const

/**
 * The net weight a pack title states: "5斤装" → 2500, "2.5kg" → 2500,
 * "500g" → 500; null for counts ("30枚") and anything unclear ("2-3斤").
 */
export function weightFromTitle(title: string | null | undefined): number | null {
  if (!title) return null
  const matches = [...title.matchAll(/(\d+(?:\.\d+)?)\s*(公斤|千克|斤|kg|克|g)(?![a-z])/gi)]
  if (matches.length !== 1 || /\d\s*[-~～至到]\s*\d/.test(title)) return null
  const [, amount, unit] = matches[0]!
  const grams = Number(amount) * GRAMS[unit!.toLowerCase() as keyof typeof GRAMS]
  return Number.isFinite(grams) && grams > 0 ? Math.round(grams) : null
}

/** A weight as Medusa or metadata gives it: positive grams, else null. */
export function gramsOf(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null
}

export type UnitPrice = { fen: Fen; unit: "斤" | "kg" }

/**
 * The price per 斤 (or per kg) of a pack whose weight is known, rounded to
 * the fen. Chinese readers compare produce by the 斤 unless the merchant sold
 * it by the kilogram or gram; English readers get per kg.
 */
export function unitPrice(
  variant: Pick<VariantView, "priceFen" | "weightG" | "title">,
  lang: string
): UnitPrice | null {
  const grams = variant.weightG
  if (variant.priceFen === null || !grams) return null
  const byKg = lang === "en" || /kg|公斤|千克|\dg|克/i.test(variant.title ?? "")
  const per = byKg ? 1000 : 500
  return { fen: Math.round((variant.priceFen * per) / grams), unit: byKg ? "kg" : "斤" }
}

/**
 * The variant a product page starts with: the one posted back, else the cheapest that can be bought (the smallest
 * pack, what a first-time buyer tries), the first listed on a tie. Never the order the backend happened to return.
 */
export function initialVariant(variants: ReadonlyArray<VariantView>, posted?: string | null): VariantView | null {
  const buyable = variants.filter((v) => v.stock.kind !== "out" && v.priceFen !== null)
  const cheapest = buyable.reduce<VariantView | null>(
    (best, v) => (best && (best.priceFen as number) <= (v.priceFen as number) ? best : v),
    null
  )
  return buyable.find((v) => v.id === posted) ?? cheapest ?? variants[0] ?? null
}
