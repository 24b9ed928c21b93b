import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"
import type { HandoverPlan } from "../types"

/** Damaged units join the line's short quantity, so the shortage settlement refunds and reverses exactly them. */
export const recordPickupDamagedUnitsStepId = "record-pickup-damaged-units"

export const recordPickupDamagedUnitsStep = createStep(
  recordPickupDamagedUnitsStepId,
  async (plan: HandoverPlan, { container }) => {
    if (!plan.damaged.length) return new StepResponse(0, null)
    await pickupService(container).updatePickupLines(
      plan.damaged.map((d) => ({
        id: d.id,
        short_quantity: d.short_quantity,
        damaged_quantity: d.damaged_quantity,
        refund_fen: d.refund_fen,
      }))
    )
    return new StepResponse(plan.damaged.length, plan.damaged)
  },
  async (damaged, { container }) => {
    if (damaged?.length) {
      await pickupService(container).updatePickupLines(damaged.map((d) => ({ id: d.id, ...d.before })))
    }
  }
)
