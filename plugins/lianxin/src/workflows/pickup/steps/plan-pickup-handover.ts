import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planHandoverLines, type HandoverLinePlan } from "../../../utils/pickup-counter"
import { shortRefundFen } from "../../../utils/pickup-shortage"
import { pickupService } from "./service"
import type { HandoverPlan } from "../types"
import type { HandOverPickupInput } from "../types"

export const planPickupHandoverStepId = "plan-pickup-handover"

export const planPickupHandoverStep = createStep(
  planPickupHandoverStepId,
  async (input: HandOverPickupInput, { container }) => {
    const svc = pickupService(container)
    const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1, relations: ["lines"] })
    if (!a) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup ${input.assignment_id} was not found`)
    if (a.status !== "ready") {
      throw new MedusaError(
        a.status === "collected" ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_ALLOWED,
        a.status === "collected"
          ? "这个订单已经取走了。(already handed over)"
          : `这个订单现在不能交付（状态：${a.status}）。`
      )
    }
    const counterLines = (a.lines ?? []).map((l) => ({
      id: l.id as string,
      line_item_id: l.line_item_id as string,
      quantity: Number(l.quantity),
      short_quantity: Number(l.short_quantity),
      amount_fen: Number(l.amount_fen),
      damaged_quantity: Number(l.damaged_quantity ?? 0),
      refund_fen: Number(l.refund_fen ?? 0),
    }))
    let lines: HandoverLinePlan[]
    try {
      lines = planHandoverLines(counterLines, input.lines)
    } catch (e) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, (e as Error).message)
    }
    const damaged = lines
      .filter((l) => l.damaged_quantity > 0)
      .map((l) => {
        const before = counterLines.find((c) => c.id === l.id)!
        return {
          id: l.id,
          short_quantity: l.short_quantity,
          damaged_quantity: before.damaged_quantity + l.damaged_quantity,
          refund_fen: shortRefundFen(before.amount_fen, before.quantity, l.short_quantity),
          before: {
            short_quantity: before.short_quantity,
            damaged_quantity: before.damaged_quantity,
            refund_fen: before.refund_fen,
          },
        }
      })
    const plan: HandoverPlan = {
      assignment_id: a.id,
      order_id: a.order_id!,
      kind: lines.every((l) => l.quantity === l.ordered) ? "full" : "partial",
      lines,
      damaged,
      now: input.now ?? new Date(),
    }
    return new StepResponse(plan)
  }
)
