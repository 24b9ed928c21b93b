import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { listCatalog } from "./catalog"
import type { StoreGetCatalogType } from "./validators"

/**
 * GET /store/lianxin/catalog?category=&village=&sort=&limit=&offset=
 * Product cards for browsing lists (home, category) from the search index's
 * documents; `engine: "postgres", degraded: true` when Meilisearch could not answer.
 */
export async function GET(req: MedusaStoreRequest<unknown, StoreGetCatalogType>, res: MedusaResponse) {
  const answer = await listCatalog(
    req.scope,
    req.validatedQuery as StoreGetCatalogType,
    req.publishable_key_context?.sales_channel_ids ?? []
  )
  res.json(answer)
}
