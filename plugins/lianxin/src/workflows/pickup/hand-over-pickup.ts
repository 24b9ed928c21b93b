import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { toFen } from "../../utils/money"
import { earnOrderRevenueWorkflow } from "../revenue-share/earn-order-revenue"
import { pickupService, type Query } from "./steps/service"

export type HandOverPickupInput = {
  assignment_id: string
  staff_id: string
  method: "code" | "qr"
  /** Lines and quantities taken; by default everything that arrived. */
  lines?: Array<{ line_item_id: string; quantity: number }>
  /** A neighbour collecting with the resident's code. */
  proxy?: { name: string } | null
  now?: Date
}

type HandoverPlan = {
  assignment_id: string
  order_id: string
  kind: "full" | "partial"
  lines: Array<{ id: string; line_item_id: string; quantity: number }>
  amount_to_collect_fen: number
  now: Date
}

const planHandoverStep = createStep("plan-pickup-handover", async (input: HandOverPickupInput, { container }) => {
  const svc = pickupService(container)
  const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1, relations: ["lines"] })
  if (!a) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup ${input.assignment_id} was not found`)
  if (a.status !== "ready") {
    throw new MedusaError(
      a.status === "collected" ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_ALLOWED,
      a.status === "collected" ? "这个订单已经取走了。(already handed over)" : `这个订单现在不能交付（状态：${a.status}）。`
    )
  }
  const lines = (a.lines ?? []).map((l: any) => {
    const available = Number(l.quantity) - Number(l.short_quantity)
    const asked = input.lines?.find((x) => x.line_item_id === l.line_item_id)
    const quantity = input.lines ? asked?.quantity ?? 0 : available
    return { id: l.id, line_item_id: l.line_item_id, quantity, available, ordered: Number(l.quantity) }
  })
  input.lines?.forEach((x, i) => {
    const line = lines.find((l) => l.line_item_id === x.line_item_id)
    if (!line) throw new MedusaError(MedusaError.Types.INVALID_DATA, `lines.${i}.line_item_id is not a line of this order`)
    if (x.quantity > line.available) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `lines.${i}.quantity is more than the ${line.available} that arrived`)
    }
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
    filters: { id: a.order_id },
  })
  let paid = 0
  for (const pc of data[0]?.payment_collections ?? []) {
    for (const p of pc?.payments ?? []) {
      paid += (p.captures ?? []).reduce((s: number, c: any) => s + toFen(c.amount), 0)
      paid -= (p.refunds ?? []).reduce((s: number, r: any) => s + toFen(r.amount), 0)
    }
  }
  const due = Number(a.order_total_fen) - Number(a.collect_reduction_fen) - Number(a.refunded_fen) - paid
  const plan: HandoverPlan = {
    assignment_id: a.id,
    order_id: a.order_id!,
    kind: lines.every((l) => l.quantity === l.ordered) ? "full" : "partial",
    lines: lines.map(({ id, line_item_id, quantity }) => ({ id, line_item_id, quantity })),
    amount_to_collect_fen: Math.max(0, due),
    now: input.now ?? new Date(),
  }
  return new StepResponse(plan)
})

/** The single-use guard: a conditional UPDATE ready → collected (see the service). */
const claimHandoverStep = createStep(
  "claim-pickup-handover",
  async (plan: HandoverPlan, { container }) => {
    const claimed = await pickupService(container).claimHandover(plan.assignment_id, new Date(plan.now))
    if (!claimed) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "这个订单刚刚已由其他工作人员交付。(already handed over)")
    }
    return new StepResponse(claimed, plan.assignment_id)
  },
  async (id, { container }) => {
    if (id) await pickupService(container).unclaimHandover(id)
  }
)

const recordHandoverStep = createStep(
  "record-pickup-handover",
  async (input: { plan: HandoverPlan; staff_id: string; method: "code" | "qr"; proxy?: { name: string } | null }, { container }) => {
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
        lines: plan.lines.map(({ line_item_id, quantity }) => ({ line_item_id, quantity })),
        amount_to_collect_fen: plan.amount_to_collect_fen,
        handed_over_at: new Date(plan.now),
      } as any,
    ])
    await svc.updatePickupLines(plan.lines.map((l) => ({ id: l.id, handed_over_quantity: l.quantity })))
    return new StepResponse(handover, { handover_id: handover.id, line_ids: plan.lines.map((l) => l.id) })
  },
  async (comp, { container }) => {
    if (!comp) return
    const svc = pickupService(container)
    await svc.updatePickupLines(comp.line_ids.map((id) => ({ id, handed_over_quantity: 0 })))
    await svc.deletePickupHandovers([comp.handover_id])
  }
)

/**
 * Handover at the counter, after the code or token was verified: exactly
 * once, logged with staff, time, lines and proxy; the handed-over lines'
 * shares become earned in the ledger.
 */
export const handOverPickupWorkflow = createWorkflow("hand-over-pickup", (input: HandOverPickupInput) => {
  const plan = planHandoverStep(input)
  claimHandoverStep(plan)
  const handover = recordHandoverStep({ plan, staff_id: input.staff_id, method: input.method, proxy: input.proxy })
  const earning = transform({ plan }, ({ plan }) => ({
    order_id: plan.order_id,
    line_item_ids: plan.lines.filter((l) => l.quantity > 0).map((l) => l.line_item_id),
    source: "pickup.handover",
  }))
  when("earn-handed-over-lines", { earning }, ({ earning }) => earning.line_item_ids.length > 0).then(() => {
    earnOrderRevenueWorkflow.runAsStep({ input: earning })
  })
  emitEventStep({
    eventName: "pickup.handed_over",
    data: transform({ plan }, ({ plan }) => ({ id: plan.assignment_id, order_id: plan.order_id, kind: plan.kind })),
  })
  return new WorkflowResponse({ handover, plan })
})
