import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { sendPickupHoldRemindersStep } from "./steps/send-pickup-hold-reminders"
import { expirePickupHoldsStep } from "./steps/expire-pickup-holds"

/**
 * The hold clock, run by the pickup-holds job (and by tests with their own
 * `now`): reminders first, then expiry. Events carry ids only.
 */
export const expirePickupHoldsWorkflowId = "expire-pickup-holds"

export const expirePickupHoldsWorkflow = createWorkflow(expirePickupHoldsWorkflowId, (input: { now?: Date }) => {
  const now = transform({ input }, ({ input }) => input.now ?? new Date())
  const reminded = sendPickupHoldRemindersStep({ now })
  const expired = expirePickupHoldsStep({ now })
  emitEventStep({
    eventName: "pickup.hold_expiring",
    data: transform({ reminded }, ({ reminded }) => reminded.map((r) => ({ id: r.id, order_id: r.order_id }))),
  }).config({ name: "emit-hold-expiring" })
  emitEventStep({
    eventName: "pickup.uncollected",
    data: transform({ expired }, ({ expired }) => expired.map((e) => ({ id: e.id, order_id: e.order_id }))),
  }).config({ name: "emit-uncollected" })
  return new WorkflowResponse({ reminded, expired })
})
