import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { assertOrderOwnerStep, type OrderOwnerProof } from "./steps/assert-order-owner"
import { cancelPickupAssignmentStep } from "./steps/cancel-pickup-assignment"

/** The order, and who asks: its signed-in customer, or a guest with the cart it was placed from. */
export type CancelPickupOrderInput = OrderOwnerProof & { now?: Date }

/**
 * A resident cancels their order before the cutoff: whether they may (their
 * order, with a pickup) first, then our pickup side (so the cutoff and the
 * state are decided under the row lock), then Medusa's own cancellation
 * (payment canceled or refunded, reservations released, order.canceled
 * emitted — the ledger reversal follows that event). If Medusa refuses, the
 * pickup side is compensated.
 */
export const cancelPickupOrderWorkflowId = "cancel-pickup-order"

export const cancelPickupOrderWorkflow = createWorkflow(
  cancelPickupOrderWorkflowId,
  (input: CancelPickupOrderInput) => {
    const owned = assertOrderOwnerStep(
      transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        customer_id: input.customer_id,
        cart_id: input.cart_id,
        require_pickup: true,
      }))
    )
    const canceled = cancelPickupAssignmentStep(
      transform({ owned, input }, ({ owned, input }) => ({ assignment_id: owned.assignment_id!, now: input.now }))
    )
    cancelOrderWorkflow.runAsStep({
      input: transform({ owned }, ({ owned }) => ({ order_id: owned.order_id, canceled_by: owned.actor })),
    })
    return new WorkflowResponse(canceled)
  }
)
