import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"
import type { SettlementPlan } from "../types"

export const recordShortageSettledAmountsStepId = "record-shortage-settled-amounts"

export const recordShortageSettledAmountsStep = createStep(
  recordShortageSettledAmountsStepId,
  async (plan: SettlementPlan, { container }) => {
    if (!plan.claims.length) return new StepResponse(false, null)
    const svc = pickupService(container)
    const [a] = await svc.listPickupAssignments({ id: plan.assignment_id }, { take: 1 })
    const before = { refunded_fen: Number(a.refunded_fen), collect_reduction_fen: Number(a.collect_reduction_fen) }
    await svc.updatePickupAssignments({
      id: a.id,
      refunded_fen: before.refunded_fen + plan.refund_fen,
      collect_reduction_fen: before.collect_reduction_fen + plan.reduction_fen,
    })
    return new StepResponse(true, { id: a.id, ...before })
  },
  async (before, { container }) => {
    if (before) await pickupService(container).updatePickupAssignments(before)
  }
)
