import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { attributeProductWorkflow } from "../../../../../workflows/household/attribute-product"
import type { AdminSetProductAttributionType } from "./validators"

const ATTRIBUTION_FIELDS = [
  "id",
  "attribution.id",
  "attribution.note",
  "attribution.created_at",
  "attribution.cooperative.id",
  "attribution.cooperative.name",
  "attribution.shares.share_bp",
  "attribution.shares.household.id",
  "attribution.shares.household.code",
  "attribution.shares.household.display_name",
]

async function readAttribution(req: AuthenticatedMedusaRequest, productId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ATTRIBUTION_FIELDS, filters: { id: productId } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
  }
  return (data[0] as { attribution?: unknown }).attribution ?? null
}

/** Who produced the product (null when not attributed yet). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ attribution: await readAttribution(req, req.params.id) })
}

/** Sets or replaces who produced the product. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetProductAttributionType>, res: MedusaResponse) {
  await attributeProductWorkflow(req.scope).run({
    input: { product_id: req.params.id, ...req.validatedBody },
  })
  res.json({ attribution: await readAttribution(req, req.params.id) })
}
