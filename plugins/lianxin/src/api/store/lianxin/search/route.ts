import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { searchProducts } from "./search"
import type { StoreSearchProductsType } from "./validators"

/**
 * GET /store/lianxin/search?q=&category=&province=&village=&price=&storage=&in_stock=&sort=&page=&limit=
 * Products of the key's sales channels with facet counts; `degraded: true` when
 * PostgreSQL answered because Meilisearch could not.
 */
export async function GET(req: MedusaStoreRequest<unknown, StoreSearchProductsType>, res: MedusaResponse) {
  const answer = await searchProducts(
    req.scope,
    req.validatedQuery as StoreSearchProductsType,
    req.publishable_key_context?.sales_channel_ids ?? []
  )
  res.json(answer)
}
