import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { cancelPickupAssignmentStep } from "./steps/cancel-pickup-assignment"

export type CancelPickupOrderInput = {
  order_id: string
  assignment_id: string
  /** Who asked: the customer id, or "guest" for a guest proving ownership with the cart. */
  canceled_by: string
  now?: Date
}

/**
 * A resident cancels their order before the cutoff: our pickup side first
 * (so the cutoff and the state are decided under the row lock), then
 * Medusa's own cancellation (payment canceled or refunded, reservations
 * released, order.canceled emitted — the ledger reversal follows that event).
 * If Medusa refuses, the pickup side is compensated.
 */
export const cancelPickupOrderWorkflowId = "cancel-pickup-order"

export const cancelPickupOrderWorkflow = createWorkflow(
  cancelPickupOrderWorkflowId,
  (input: CancelPickupOrderInput) => {
    const canceled = cancelPickupAssignmentStep({ assignment_id: input.assignment_id, now: input.now })
    cancelOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, canceled_by: input.canceled_by })),
    })
    return new WorkflowResponse(canceled)
  }
)
