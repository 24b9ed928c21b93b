import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { listCatalogVillages } from "../catalog"

/** GET /store/lianxin/catalog/villages — the villages with published products, and how many each has. */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const villages = await listCatalogVillages(req.scope, req.publishable_key_context?.sales_channel_ids ?? [])
  res.json({ villages })
}
