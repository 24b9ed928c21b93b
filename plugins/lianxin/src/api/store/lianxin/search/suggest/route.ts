import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { searchProducts } from "../search"
import type { StoreSearchSuggestType } from "../validators"

/**
 * GET /store/lianxin/search/suggest?q= — as-you-type: a few products and the
 * categories they fall in, from the same search (and the same fallback).
 */
export async function GET(req: MedusaStoreRequest<unknown, StoreSearchSuggestType>, res: MedusaResponse) {
  const { q, limit } = req.validatedQuery as StoreSearchSuggestType
  if (!q.trim()) {
    res.json({ query: "", products: [], categories: [], degraded: false })
    return
  }
  const answer = await searchProducts(
    req.scope,
    {
      q,
      sort: "relevance",
      page: 1,
      limit,
      category: undefined,
      province: undefined,
      village: undefined,
      in_stock: undefined,
    },
    req.publishable_key_context?.sales_channel_ids ?? []
  )
  res.json({
    query: answer.query,
    products: answer.products.map(
      ({ id, handle, title, title_segments, thumbnail, price_min_fen, price_max_fen, in_stock }) => ({
        id,
        handle,
        title,
        title_segments,
        thumbnail,
        price_min_fen,
        price_max_fen,
        in_stock,
      })
    ),
    categories: answer.facets.category_handles.slice(0, 3),
    degraded: answer.degraded,
    ...(answer.retried_with ? { retried_with: answer.retried_with } : {}),
  })
}
