import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REVENUE_SHARE_MODULE } from "../../modules/revenue-share"
import type RevenueShareModuleService from "../../modules/revenue-share/service"
import { toFen } from "../../utils/money"
import { rows } from "../../utils/query-types"
import { readProductAttributions } from "../../workflows/revenue-share/steps/load-order-ledger-context"
import { splitVariants } from "./split-variants"

export type ProductSplit = {
  product_id: string
  policy: { id: string; name: string; scope: string; version: number; shares_bp: Record<string, number> }
  household_codes: string[]
  variants: Array<{
    variant_id: string
    title: string
    price_fen: number
    shares_fen: { household: number; cooperative: number; property_office: number; platform: number }
  }>
}

/**
 * How each variant's CNY price would be split today: the policy that would
 * apply to a line of this product, split with the same functions as the
 * ledger. Nothing here is written; the ledger records the split at purchase.
 */
export async function productSplit(scope: MedusaContainer, productId: string): Promise<ProductSplit> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "categories.id",
      "variants.id",
      "variants.title",
      "variants.price_set.prices.amount",
      "variants.price_set.prices.currency_code",
    ],
    filters: { id: productId },
  })
  const product = products[0]
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `product ${productId} was not found`)
  }
  const attribution = (await readProductAttributions(query as never, [productId])).get(productId) ?? null
  const service: RevenueShareModuleService = scope.resolve(REVENUE_SHARE_MODULE)
  const priced = rows(product.variants).flatMap((v) => {
    const price = rows(v.price_set?.prices).find((p) => p.currency_code === "cny")
    return price ? [{ variant_id: v.id, title: v.title, price_fen: toFen(price.amount) }] : []
  })
  const split = splitVariants(
    await service.currentPolicies(),
    { attribution, category_ids: rows(product.categories).map((c) => c.id) },
    priced
  )
  if (!split) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "no split policy is in force")
  }
  const { stored, policy, variants } = split
  let householdCodes: string[] = []
  if (attribution?.households.length) {
    const { data } = await query.graph({
      entity: "household",
      fields: ["id", "code"],
      filters: { id: attribution.households.map((h) => h.household_id) },
    })
    householdCodes = data.map((h) => h.code).sort()
  }
  return {
    product_id: product.id,
    policy: {
      id: stored.id,
      name: (stored as { name?: string }).name ?? "",
      scope: stored.scope,
      version: policy.version,
      shares_bp: policy.shares,
    },
    household_codes: householdCodes,
    variants,
  }
}
