import { z } from "zod"
import { summarise, variantStock, weightFromTitle, type ProductDetail, type ProductSummary } from "../catalog"
import type { PriceBreakdown } from "../commerce"
import { catalogProductSchema } from "../contract"
import type { HouseholdProfile } from "./community.server"
import type { StoreClient } from "./medusa.server"
import { publicCopy, publicKey } from "./public-cache.server"

/**
 * The browsing read model (issue 16): product cards for the home and category
 * lists from GET /store/lianxin/catalog (the search index's documents, or one
 * lean PostgreSQL query when Meilisearch is down), and the home page's village
 * list from GET /store/lianxin/catalog/villages (counted in the database). One
 * page of cards is asked for, never the whole catalogue.
 */

/** How many cards the home page shows (and asks for). */
export const HOME_PRODUCTS = 24
/** Cards per category page. */
export const CATEGORY_PAGE_SIZE = 24

const cardSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  thumbnail: z.string().nullish(),
  price_min_fen: z.number().int().nullish(),
  price_max_fen: z.number().int().nullish(),
  in_stock: z.boolean(),
  storage: z.enum(["chilled", "ambient"]).catch("ambient"),
  unit: z.string().nullish(),
})
const answerSchema = z.object({
  products: z.array(z.unknown()),
  count: z.number().int().nonnegative(),
  degraded: z.boolean().catch(false),
})
const villageSchema = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string().nullish(),
  product_count: z.number().int().nonnegative(),
})

export type CatalogPage = { products: ProductSummary[]; count: number; degraded: boolean }
/** A village on the home page: where its products are listed and how many there are. */
export type VillageSummary = { code: string; name: string; region: string | null; productCount: number }

function absoluteUrl(url: string | null | undefined, base: string): string | null {
  if (!url) return null
  try {
    return new URL(url, `${base}/`).toString()
  } catch {
    return null
  }
}

export function cardToSummary(card: z.infer<typeof cardSchema>, backendUrl: string): ProductSummary {
  const min = card.price_min_fen ?? null
  const max = card.price_max_fen ?? null
  return {
    id: card.id,
    handle: card.handle,
    title: card.title,
    thumbnail: absoluteUrl(card.thumbnail, backendUrl),
    priceFen: min,
    priceVaries: min !== null && max !== null && max !== min,
    unit: card.unit ?? null,
    // The index knows whether any variant can be bought, not how many are left: lists say in or out, the
    // product page (Medusa's own answer) says "only N left".
    stock: card.in_stock ? { kind: "in" } : { kind: "out" },
    storage: card.storage,
  }
}

export async function listCatalog(
  store: StoreClient,
  backendUrl: string,
  filter: { category?: string; limit: number; offset?: number },
  log: (message: string) => void = (m) => console.error(`[storefront] ${m}`)
): Promise<CatalogPage> {
  const query: Record<string, unknown> = { limit: filter.limit, offset: filter.offset ?? 0 }
  if (filter.category) query.category = filter.category
  const path = "/store/lianxin/catalog"
  return publicCopy(
    store,
    publicKey(path, query),
    async () => {
      const answer = answerSchema.parse(await store.request<unknown>("listing the catalogue", path, { query }))
      const products: ProductSummary[] = []
      for (const item of answer.products) {
        const card = cardSchema.safeParse(item)
        if (card.success) products.push(cardToSummary(card.data, backendUrl))
        else log(`skipping a catalogue card the storefront cannot read: ${card.error.issues[0]?.message ?? "invalid"}`)
      }
      return { products, count: answer.count, degraded: answer.degraded }
    },
    // A list from the fallback (Meilisearch down) is not kept: the next view should get the index.
    (page) => !page.degraded
  )
}

export async function listVillages(store: StoreClient): Promise<VillageSummary[]> {
  const path = "/store/lianxin/catalog/villages"
  return publicCopy(store, publicKey(path), async () => {
    const raw = await store.request<{ villages?: unknown[] }>("listing villages", path)
    return villagesFrom(raw.villages ?? [])
  })
}

function villagesFrom(raw: unknown[]): VillageSummary[] {
  return raw.flatMap((v) => {
    const parsed = villageSchema.safeParse(v)
    return parsed.success
      ? [
          {
            code: parsed.data.code,
            name: parsed.data.name,
            region: parsed.data.region ?? null,
            productCount: parsed.data.product_count,
          },
        ]
      : []
  })
}

export type CatalogProductAnswer = z.infer<typeof catalogProductSchema>

export type ProductPageData = {
  product: ProductDetail
  household: HouseholdProfile | null
  breakdown: PriceBreakdown | null
}

/** The answer as the page's view models (the same ones Medusa's product query used to fill). */
export function productPageFrom(answer: CatalogProductAnswer, backendUrl: string): ProductPageData {
  const p = answer.product
  const variants = p.variants.map((v) => ({
    id: v.id,
    title: v.title,
    priceFen: v.price_fen,
    stock: variantStock({
      manageInventory: v.manage_inventory,
      allowBackorder: v.allow_backorder,
      quantity: v.inventory_quantity,
    }),
    weightG: v.weight_g ?? weightFromTitle(v.title),
  }))
  const images = p.images.map((url) => absoluteUrl(url, backendUrl)).filter((url): url is string => url !== null)
  const h = p.household
  const b = p.price_breakdown
  return {
    product: {
      ...summarise(
        {
          id: p.id,
          handle: p.handle,
          title: p.title,
          thumbnail: absoluteUrl(p.thumbnail, backendUrl) ?? images[0] ?? null,
          storage: p.storage,
        },
        variants
      ),
      description: p.description,
      images,
      variants,
      village: p.origin.village,
      villageRegion: p.origin.village_region,
      cooperative: p.origin.cooperative,
      householdCode: p.origin.household_code,
      harvest: p.origin.harvest,
      harvestNote: p.origin.harvest_note,
    },
    // Consent is decided by the backend; this only refuses to show what it did not send.
    household: h
      ? {
          code: h.code,
          public: h.public_profile,
          displayName: h.public_profile ? h.display_name : null,
          story: h.public_profile ? h.story : null,
          photoUrl: h.public_profile ? h.photo_url : null,
          village: h.village,
          products: [],
        }
      : null,
    breakdown: b
      ? {
          productId: b.product_id,
          policyVersion: b.policy_version,
          householdCodes: b.household_codes,
          variants: b.variants.map((v) => ({
            variantId: v.variant_id,
            title: v.title ?? "",
            priceFen: v.price_fen,
            sharesFen: v.shares_fen,
          })),
        }
      : null,
  }
}

/** The product page's data, or null when no published product has the handle (the backend's 404). */
export async function readProductPage(
  store: StoreClient,
  backendUrl: string,
  handle: string
): Promise<ProductPageData | null> {
  const path = `/store/lianxin/catalog/products/${encodeURIComponent(handle)}`
  return publicCopy(
    store,
    publicKey(path),
    async () => {
      try {
        const raw = await store.request<unknown>(`loading product ${handle}`, path)
        return productPageFrom(catalogProductSchema.parse(raw), backendUrl)
      } catch (error) {
        // The SDK's FetchError carries the HTTP status; only "no such product" is an answer, the rest is thrown.
        if ((error as { status?: unknown } | null)?.status === 404) return null
        throw error
      }
    },
    // "No such product" is asked again: handles nobody sells must not push real pages out of the copies.
    (page) => page !== null
  )
}
