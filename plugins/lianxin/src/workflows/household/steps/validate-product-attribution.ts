import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { attributionSharesProblem } from "../../../utils/attribution-shares"
import type { AttributeProductInput } from "../types"

export const validateProductAttributionStepId = "validate-product-attribution"

/**
 * The product exists and the shares make sense. Returns the attribution the
 * product has now (to be replaced), if any.
 */
export const validateProductAttributionStep = createStep(
  validateProductAttributionStepId,
  async (input: AttributeProductInput, { container }) => {
    const problem = attributionSharesProblem(input.cooperative_id, input.shares)
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${problem[0]}: ${problem[1]}`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [product],
    } = await query.graph({
      entity: "product",
      fields: ["id", "attribution.id"],
      filters: { id: input.product_id },
    })
    if (!product) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.product_id} was not found`)
    }
    const current = (product as { attribution?: { id: string } | null }).attribution
    return new StepResponse({ previous_attribution_id: current?.id ?? null })
  }
)
