import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { productSplit } from "../../../../utils/product-split"

/** The split policy that applies to this product now, and each variant's price split by it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ revenue_split: await productSplit(req.scope, req.params.id) })
}
