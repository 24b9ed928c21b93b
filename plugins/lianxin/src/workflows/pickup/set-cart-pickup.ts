import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCartPickupStep } from "./steps/validate-cart-pickup"
import { replaceCartPickupLinksStep } from "./steps/replace-cart-pickup-links"
import type { SetCartPickupInput } from "./types"

export const setCartPickupWorkflowId = "set-cart-pickup"

export const setCartPickupWorkflow = createWorkflow(setCartPickupWorkflowId, (input: SetCartPickupInput) => {
  const choice = validateCartPickupStep(input)
  const result = replaceCartPickupLinksStep({ cart_id: input.cart_id, previous: choice.previous, next: choice.next })
  return new WorkflowResponse(result)
})
