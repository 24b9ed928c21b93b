import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toFen } from "../../../utils/money"
import { shortRefundFen } from "../../../utils/pickup-shortage"
import { rows } from "../../../utils/query-types"
import { pickupService, type Query } from "./service"
import type { SettlementPlan } from "../types"

/**
 * What is still owed for an order's shortages: per line, the refund of the
 * short units not settled yet. Money goes back to captured payments first
 * (Medusa's refund workflow); whatever was never captured — pay at pickup —
 * is taken off what the counter collects instead.
 */
export const planShortageSettlementStepId = "plan-shortage-settlement"

export const planShortageSettlementStep = createStep(
  planShortageSettlementStepId,
  async (input: { assignment_id: string }, { container }) => {
    const svc = pickupService(container)
    const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1, relations: ["lines"] })
    if (!a?.order_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup ${input.assignment_id} has no order`)
    const open = (a.lines ?? []).filter((l) => Number(l.short_quantity) > Number(l.settled_short_quantity))
    const claims = open.map((l) => ({
      id: l.id,
      from: Number(l.settled_short_quantity),
      to: Number(l.short_quantity),
    }))
    const reversals = open
      .map((l) => ({
        line_item_id: l.line_item_id,
        amount_fen:
          shortRefundFen(Number(l.amount_fen), Number(l.quantity), Number(l.short_quantity)) -
          shortRefundFen(Number(l.amount_fen), Number(l.quantity), Number(l.settled_short_quantity)),
      }))
      .filter((r) => r.amount_fen > 0)
    const total = reversals.reduce((s, r) => s + r.amount_fen, 0)

    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.payments.id",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: a.order_id },
    })
    const refunds: SettlementPlan["refunds"] = []
    let left = total
    for (const pc of rows(data[0]?.payment_collections)) {
      for (const p of rows(pc.payments)) {
        if (left <= 0) break
        const captured = rows(p.captures).reduce((s, c) => s + toFen(c.amount), 0)
        const refunded = rows(p.refunds).reduce((s, r) => s + toFen(r.amount), 0)
        const amount = Math.min(left, captured - refunded)
        if (amount > 0) {
          refunds.push({ payment_id: p.id, amount: amount / 100, note: `缺货退款 pickup shortage ${a.id}` })
          left -= amount
        }
      }
    }
    const plan: SettlementPlan = {
      assignment_id: a.id,
      order_id: a.order_id,
      claims,
      reversals,
      refunds,
      refund_fen: total - left,
      reduction_fen: left,
      reference: `pickup-shortage:${a.id}:${claims.map((c) => `${c.id}@${c.to}`).join(",")}`,
    }
    return new StepResponse(plan)
  }
)
