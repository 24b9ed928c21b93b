import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * One producing household's proportion of a product, the shape the ledger
 * splits by. `cooperative_id` is the cooperative that sells for the household,
 * or null when the household sells alone.
 */
export type ProductAttributionShare = {
  household_id: string
  cooperative_id: string | null
  share_bp: number
}

/** The fields to ask query.graph for on `product` to build ProductAttributionShare[]. */
export const PRODUCT_ATTRIBUTION_FIELDS = [
  "id",
  "attribution.id",
  "attribution.cooperative_id",
  "attribution.shares.household_id",
  "attribution.shares.share_bp",
]

type ProductWithAttribution = {
  id: string
  attribution?: {
    cooperative_id: string | null
    shares?: { household_id: string; share_bp: number }[] | null
  } | null
}

/** Maps a product read with PRODUCT_ATTRIBUTION_FIELDS to its shares; [] when it is not attributed. */
export function toProductAttributionShares(product: ProductWithAttribution): ProductAttributionShare[] {
  const attribution = product.attribution
  if (!attribution) {
    return []
  }
  return (attribution.shares ?? [])
    .map((s) => ({
      household_id: s.household_id,
      cooperative_id: attribution.cooperative_id ?? null,
      share_bp: Number(s.share_bp),
    }))
    .sort((a, b) => b.share_bp - a.share_bp || a.household_id.localeCompare(b.household_id))
}

export const getProductAttributionsStepId = "get-product-attributions"

/** Reads who produced each product: product id → shares (missing products map to []). */
export const getProductAttributionsStep = createStep(
  getProductAttributionsStepId,
  async (input: { product_ids: string[] }, { container }) => {
    const result: Record<string, ProductAttributionShare[]> = {}
    for (const id of input.product_ids) {
      result[id] = []
    }
    if (!input.product_ids.length) {
      return new StepResponse(result)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: PRODUCT_ATTRIBUTION_FIELDS,
      filters: { id: input.product_ids },
    })
    for (const product of data as ProductWithAttribution[]) {
      result[product.id] = toProductAttributionShares(product)
    }
    return new StepResponse(result)
  }
)
