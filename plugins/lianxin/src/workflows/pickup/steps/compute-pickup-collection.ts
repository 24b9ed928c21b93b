import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toFen } from "../../../utils/money"
import { amountToCollectFen, declinedFen } from "../../../utils/pickup-counter"
import { rows } from "../../../utils/query-types"
import { pickupService, type Query } from "./service"
import type { Collection, HandoverPlan } from "../types"

/**
 * What the counter collects, read after shortages (and damaged units) were
 * settled: total − reductions − refunds − what was paid − declined units.
 */
export const computePickupCollectionStepId = "compute-pickup-collection"

export const computePickupCollectionStep = createStep(
  computePickupCollectionStepId,
  async (plan: HandoverPlan, { container }) => {
    const svc = pickupService(container)
    const [a] = await svc.listPickupAssignments({ id: plan.assignment_id }, { take: 1, relations: ["lines"] })
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.id",
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: plan.order_id },
    })
    let paid = 0
    let payment: Collection["payment"] = null
    for (const pc of rows(data[0]?.payment_collections)) {
      for (const p of rows(pc.payments)) {
        const captured = rows(p.captures).reduce((s, c) => s + toFen(c.amount), 0)
        paid += captured - rows(p.refunds).reduce((s, r) => s + toFen(r.amount), 0)
        if (!payment && !p.canceled_at && toFen(p.amount) > captured) payment = { id: p.id, collection_id: pc.id }
      }
    }
    const lines = (a.lines ?? []).map((l) => ({
      id: l.id,
      line_item_id: l.line_item_id,
      quantity: Number(l.quantity),
      short_quantity: Number(l.short_quantity),
      amount_fen: Number(l.amount_fen),
    }))
    const declined = declinedFen(lines, plan.lines)
    const result: Collection = {
      amount_to_collect_fen: amountToCollectFen({
        order_total_fen: Number(a.order_total_fen),
        collect_reduction_fen: Number(a.collect_reduction_fen),
        refunded_fen: Number(a.refunded_fen),
        paid_fen: paid,
        declined_fen: declined,
      }),
      declined_fen: declined,
      payment,
    }
    return new StepResponse(result)
  }
)
