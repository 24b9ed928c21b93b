import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { jsonList, pickupService } from "./service"
import type { Collection, HandoverPlan } from "../types"

export const recordPickupHandoverStepId = "record-pickup-handover"

export const recordPickupHandoverStep = createStep(
  recordPickupHandoverStepId,
  async (
    input: {
      plan: HandoverPlan
      staff_id: string
      method: "code" | "qr"
      proxy?: { name: string } | null
      collection: Collection
      capture: { capture_id: string } | null
    },
    { container }
  ) => {
    const svc = pickupService(container)
    const { plan } = input
    const [handover] = await svc.createPickupHandovers([
      {
        assignment_id: plan.assignment_id,
        staff_id: input.staff_id,
        kind: plan.kind,
        method: input.method,
        proxy: !!input.proxy,
        proxy_name: input.proxy?.name ?? null,
        lines: jsonList(
          plan.lines.map((l) => ({
            line_item_id: l.line_item_id,
            quantity: l.quantity,
            declined_quantity: l.declined_quantity,
            damaged_quantity: l.damaged_quantity,
          }))
        ),
        amount_to_collect_fen: input.collection.amount_to_collect_fen,
        captured_fen: input.capture ? input.collection.amount_to_collect_fen : 0,
        payment_capture_id: input.capture?.capture_id ?? null,
        handed_over_at: new Date(plan.now),
      },
    ])
    await svc.updatePickupLines(
      plan.lines.map((l) => ({ id: l.id, handed_over_quantity: l.quantity, declined_quantity: l.declined_quantity }))
    )
    return new StepResponse(handover, { handover_id: handover.id, line_ids: plan.lines.map((l) => l.id) })
  },
  async (comp, { container }) => {
    if (!comp) return
    const svc = pickupService(container)
    await svc.updatePickupLines(comp.line_ids.map((id) => ({ id, handed_over_quantity: 0, declined_quantity: 0 })))
    await svc.deletePickupHandovers([comp.handover_id])
  }
)
