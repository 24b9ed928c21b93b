import { z } from "zod"
import type { ProductSummary } from "../catalog"
import type { StoreClient } from "./medusa.server"

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
  const raw = await store.request<unknown>("listing the catalogue", "/store/lianxin/catalog", { query })
  const answer = answerSchema.parse(raw)
  const products: ProductSummary[] = []
  for (const item of answer.products) {
    const card = cardSchema.safeParse(item)
    if (card.success) products.push(cardToSummary(card.data, backendUrl))
    else log(`skipping a catalogue card the storefront cannot read: ${card.error.issues[0]?.message ?? "invalid"}`)
  }
  return { products, count: answer.count, degraded: answer.degraded }
}

export async function listVillages(store: StoreClient): Promise<VillageSummary[]> {
  const raw = await store.request<{ villages?: unknown[] }>("listing villages", "/store/lianxin/catalog/villages")
  return (raw.villages ?? []).flatMap((v) => {
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
