import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { WithValidatedParams } from "../../../../../utils/validate-params"
import { readCatalogProduct, type StoreCatalogProductResponse } from "../../product"
import type { StoreCatalogProductParamsType } from "../../validators"

/**
 * GET /store/lianxin/catalog/products/:handle — the product page in one call
 * (decision 027): the product with its variants (fen, stock), origin, the
 * producer's public profile and the revenue-share breakdown. 404 when no
 * published product of the key's channels has the handle.
 */
export async function GET(
  req: MedusaStoreRequest & WithValidatedParams<StoreCatalogProductParamsType>,
  res: MedusaResponse<StoreCatalogProductResponse>
) {
  const { handle } = req.validatedParams
  const product = await readCatalogProduct(req.scope, handle, req.publishable_key_context?.sales_channel_ids ?? [])
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with handle ${handle}`)
  }
  res.json({ product })
}
