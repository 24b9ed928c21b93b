import { Modules } from "@medusajs/framework/utils"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, dismissRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { HOUSEHOLD_MODULE } from "../../modules/household"
import { createAttributionStep } from "./steps/create-attribution"
import { retireAttributionStep } from "./steps/retire-attribution"
import { validateProductAttributionStep } from "./steps/validate-product-attribution"
import { validateReferencesStep } from "./steps/validate-references"
import type { AttributeProductInput } from "./types"

export const attributeProductWorkflowId = "attribute-product"

/**
 * Sets who produced a product, replacing any previous attribution: the new
 * attribution is created, the old link dismissed and the old attribution
 * retired (soft-deleted), then the product is linked to the new one.
 */
export const attributeProductWorkflow = createWorkflow(attributeProductWorkflowId, (input: AttributeProductInput) => {
  const checks = transform({ input }, ({ input }) => [
    {
      entity: "cooperative" as const,
      field: "cooperative_id",
      ids: [input.cooperative_id],
      missing: "invalid_data" as const,
    },
    {
      entity: "household" as const,
      field: "shares.household_id",
      ids: input.shares.map((s) => s.household_id),
      missing: "invalid_data" as const,
    },
  ])
  validateReferencesStep(checks)
  const { previous_attribution_id } = validateProductAttributionStep(input)
  const created = createAttributionStep(input)

  const oldLinks = transform({ input, previous_attribution_id }, ({ input, previous_attribution_id }) =>
    previous_attribution_id
      ? [
          {
            [Modules.PRODUCT]: { product_id: input.product_id },
            [HOUSEHOLD_MODULE]: { attribution_id: previous_attribution_id },
          },
        ]
      : []
  )
  dismissRemoteLinkStep(oldLinks)
  retireAttributionStep(
    transform({ previous_attribution_id }, ({ previous_attribution_id }) => ({
      attribution_id: previous_attribution_id,
    }))
  )
  createRemoteLinkStep(
    transform({ input, created }, ({ input, created }) => [
      {
        [Modules.PRODUCT]: { product_id: input.product_id },
        [HOUSEHOLD_MODULE]: { attribution_id: created.id },
      },
    ])
  )
  const result = transform({ input, created }, ({ input, created }) => ({
    product_id: input.product_id,
    attribution_id: created.id,
  }))
  // The product's search document names its producer (src/subscribers/search-sync.ts).
  emitEventStep({
    eventName: "lianxin.product.attributed",
    data: transform({ input }, ({ input }) => ({ id: input.product_id })),
  })
  const productAttributed = createHook("productAttributed", { result })
  return new WorkflowResponse(result, { hooks: [productAttributed] })
})
