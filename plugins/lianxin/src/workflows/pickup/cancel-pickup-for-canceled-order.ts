import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findOrderPickupAssignmentStep } from "./steps/find-order-pickup-assignment"
import { cancelPickupAssignmentStep } from "./steps/cancel-pickup-assignment"

export type CancelPickupForCanceledOrderInput = { order_id: string }

/**
 * order.canceled (Medusa Admin, or the resident's own cancel finishing): the
 * pickup side follows with `by: "admin"`. Idempotent: a second run finds the
 * assignment canceled and changes nothing. Orders without pickup: nothing.
 */
export const cancelPickupForCanceledOrderWorkflowId = "cancel-pickup-for-canceled-order"

export const cancelPickupForCanceledOrderWorkflow = createWorkflow(
  cancelPickupForCanceledOrderWorkflowId,
  (input: CancelPickupForCanceledOrderInput) => {
    const found = findOrderPickupAssignmentStep({ order_id: input.order_id })
    when("pickup-assignment-found", { found }, ({ found }) => !!found).then(() =>
      cancelPickupAssignmentStep(
        transform({ found, input }, ({ found, input }) => ({
          assignment_id: found!.id,
          order_id: input.order_id,
          by: "admin" as const,
        }))
      )
    )
    return new WorkflowResponse(found)
  }
)
