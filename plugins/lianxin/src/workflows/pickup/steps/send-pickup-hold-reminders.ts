import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/** Reminders that are due at `now`: marked sent and recorded as notifications. */
export const sendPickupHoldRemindersStepId = "send-pickup-hold-reminders"

export const sendPickupHoldRemindersStep = createStep(
  sendPickupHoldRemindersStepId,
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
