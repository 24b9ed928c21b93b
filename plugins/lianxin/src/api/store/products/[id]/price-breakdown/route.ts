import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { productSplit } from "../../../../utils/product-split"

/**
 * Where the money of each price goes, for the product page: fen per party under
 * the policy that would apply. Public: household codes are pseudonyms, no ids
 * or registry data.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const split = await productSplit(req.scope, req.params.id)
  res.setHeader("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
  res.json({
    price_breakdown: {
      product_id: split.product_id,
      policy_version: split.policy.version,
      shares_bp: split.policy.shares_bp,
      household_codes: split.household_codes,
      variants: split.variants,
    },
  })
}
