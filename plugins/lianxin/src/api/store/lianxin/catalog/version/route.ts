import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import type { StoreCatalogVersionResponse } from "../../../../contract"
import { readCatalogVersion } from "../version"

/**
 * GET /store/lianxin/catalog/version — the catalogue's version: storefronts key their copies of public catalogue
 * answers by it (storefront/app/lib/server/public-cache.server.ts). Never cached itself.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse<StoreCatalogVersionResponse>) {
  res.setHeader("Cache-Control", "no-store")
  res.json(await readCatalogVersion(req.scope))
}
