import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assertOrderOwnerStep, type OrderOwnerProof } from "./steps/assert-order-owner"
import { issuePickupCodeStep } from "./steps/issue-pickup-code"

/**
 * A resident asks to see their pickup code (POST /store/pickup-orders/:id/code):
 * only the order's owner gets past the first step; then a fresh code and QR
 * token, shown this once (the placement code the first time). Any earlier code
 * stops working; compensation restores it. Checkout issues the placement code
 * with issue-pickup-code directly: it has just made the order for that cart.
 */
export const showPickupCodeWorkflowId = "show-pickup-code"

export const showPickupCodeWorkflow = createWorkflow(showPickupCodeWorkflowId, (input: OrderOwnerProof) => {
  const owned = assertOrderOwnerStep(
    transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      customer_id: input.customer_id,
      cart_id: input.cart_id,
      require_pickup: true,
    }))
  )
  return new WorkflowResponse(
    issuePickupCodeStep(transform({ owned }, ({ owned }) => ({ assignment_id: owned.assignment_id! })))
  )
})
