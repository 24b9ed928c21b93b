import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { pickupService } from "./steps/service"

/** Reminders that are due at `now`: marked sent and recorded as notifications. */
const sendHoldRemindersStep = createStep(
  "send-pickup-hold-reminders",
  async (input: { now: Date }, { container }) => {
    const svc = pickupService(container)
    const due = await svc.takeDueReminders(new Date(input.now))
    const notes = due.length
      ? await svc.createPickupNotifications(
          due.map((d) => ({
            assignment_id: d.id,
            order_id: d.order_id,
            kind: "hold_expiry_reminder" as const,
            payload: { hold_expires_at: d.hold_expires_at },
          }))
        )
      : []
    return new StepResponse(due, { ids: due.map((d) => d.id), notes: notes.map((n) => n.id) })
  },
  async (comp, { container }) => {
    if (!comp) return
    const svc = pickupService(container)
    if (comp.notes.length) await svc.deletePickupNotifications(comp.notes)
    await svc.untakeReminders(comp.ids)
  }
)

/** Ready orders past their hold become uncollected, with the point's policy (donate, dispose, sell off). */
const expireHoldsStep = createStep(
  "expire-pickup-holds",
  async (input: { now: Date }, { container }) => {
    const svc = pickupService(container)
    const expired = await svc.expireHolds(new Date(input.now))
    const notes = expired.length
      ? await svc.createPickupNotifications(
          expired.map((e) => ({
            assignment_id: e.id,
            order_id: e.order_id,
            kind: "uncollected" as const,
            payload: { disposition: e.disposition },
          }))
        )
      : []
    return new StepResponse(expired, { ids: expired.map((e) => e.id), notes: notes.map((n) => n.id) })
  },
  async (comp, { container }) => {
    if (!comp) return
    const svc = pickupService(container)
    if (comp.notes.length) await svc.deletePickupNotifications(comp.notes)
    await svc.unexpireHolds(comp.ids)
  }
)

/**
 * The hold clock, run by the pickup-holds job (and by tests with their own
 * `now`): reminders first, then expiry. Events carry ids only.
 */
export const expirePickupHoldsWorkflow = createWorkflow("expire-pickup-holds", (input: { now?: Date }) => {
  const now = transform({ input }, ({ input }) => input.now ?? new Date())
  const reminded = sendHoldRemindersStep({ now })
  const expired = expireHoldsStep({ now })
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
