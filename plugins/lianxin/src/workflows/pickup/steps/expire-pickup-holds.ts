import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/** Ready orders past their hold become uncollected, with the point's policy (donate, dispose, sell off). */
export const expirePickupHoldsStepId = "expire-pickup-holds"

export const expirePickupHoldsStep = createStep(
  expirePickupHoldsStepId,
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
