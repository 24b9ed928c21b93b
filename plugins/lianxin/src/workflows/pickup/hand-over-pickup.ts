import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createHook,
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  addOrderTransactionStep,
  createOrderFulfillmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { toFen } from "../../utils/money"
import {
  amountToCollectFen,
  declinedFen,
  planHandoverLines,
  type HandoverLinePlan,
  type UntakenReason,
} from "../../utils/pickup-counter"
import { shortRefundFen } from "../../utils/pickup-shortage"
import { earnOrderRevenueWorkflow } from "../revenue-share/earn-order-revenue"
import { settlePickupShortageWorkflow } from "./settle-pickup-shortage"
import { pickupService, type Query } from "./steps/service"

export type HandOverPickupInput = {
  assignment_id: string
  staff_id: string
  method: "code" | "qr"
  /**
   * Lines and quantities taken; by default everything that arrived. Units of
   * a line not taken are "declined" (the resident's choice) unless `reason`
   * is "damaged" (refused for quality: settled like a shortage).
   */
  lines?: Array<{ line_item_id: string; quantity: number; reason?: UntakenReason }>
  /** A neighbour collecting with the resident's code. */
  proxy?: { name: string } | null
  now?: Date
}

type HandoverPlan = {
  assignment_id: string
  order_id: string
  kind: "full" | "partial"
  lines: HandoverLinePlan[]
  /** Line ids whose short quantity grows by damaged units, with the values to restore. */
  damaged: Array<{
    id: string
    short_quantity: number
    damaged_quantity: number
    refund_fen: number
    before: { short_quantity: number; damaged_quantity: number; refund_fen: number }
  }>
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
  const counterLines = (a.lines ?? []).map((l: any) => ({
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
        before: { short_quantity: before.short_quantity, damaged_quantity: before.damaged_quantity, refund_fen: before.refund_fen },
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

/** Damaged units join the line's short quantity, so the shortage settlement refunds and reverses exactly them. */
const recordDamagedUnitsStep = createStep(
  "record-pickup-damaged-units",
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
      await pickupService(container).updatePickupLines(
        damaged.map((d) => ({ id: d.id, ...d.before }))
      )
    }
  }
)

type Collection = {
  amount_to_collect_fen: number
  declined_fen: number
  /** The authorized, not yet fully captured payment the counter's money is captured on. */
  payment: { id: string; collection_id: string } | null
}

/**
 * What the counter collects, read after shortages (and damaged units) were
 * settled: total − reductions − refunds − what was paid − declined units.
 */
const computeCollectionStep = createStep("compute-pickup-collection", async (plan: HandoverPlan, { container }) => {
  const svc = pickupService(container)
  const [a] = await svc.listPickupAssignments({ id: plan.assignment_id }, { take: 1, relations: ["lines"] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
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
  for (const pc of data[0]?.payment_collections ?? []) {
    for (const p of pc?.payments ?? []) {
      const captured = (p.captures ?? []).reduce((s: number, c: any) => s + toFen(c.amount), 0)
      paid += captured - (p.refunds ?? []).reduce((s: number, r: any) => s + toFen(r.amount), 0)
      if (!payment && !p.canceled_at && toFen(p.amount) > captured) payment = { id: p.id, collection_id: pc.id }
    }
  }
  const lines = (a.lines ?? []).map((l: any) => ({
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
})

/**
 * Pay at pickup: the money taken at the counter is captured on the order's
 * authorized payment through the Payment Module. Medusa's own capture step
 * has no compensation (an online capture cannot be taken back); this one
 * only ever captures money handed over at the counter in the same
 * transaction, so undoing it deletes the capture and restores the payment
 * and its collection as they were.
 */
const capturePickupPaymentStep = createStep(
  "capture-pickup-payment",
  async (input: { collection: Collection; staff_id: string; order_id: string }, { container }) => {
    const { collection } = input
    if (collection.amount_to_collect_fen <= 0) return new StepResponse(null, null)
    if (!collection.payment) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `order ${input.order_id} has ¥${collection.amount_to_collect_fen / 100} to collect but no authorized payment to capture it on`
      )
    }
    const payments = container.resolve(Modules.PAYMENT) as any
    const [before] = await payments.listPayments({ id: collection.payment.id }, { relations: ["captures"] })
    const [pcBefore] = await payments.listPaymentCollections({ id: collection.payment.collection_id })
    const known = new Set((before.captures ?? []).map((c: any) => c.id))
    const after = await payments.capturePayment({
      payment_id: collection.payment.id,
      amount: collection.amount_to_collect_fen / 100,
      captured_by: input.staff_id,
    })
    const capture = (after.captures ?? []).find((c: any) => !known.has(c.id))
    const result = {
      capture_id: capture?.id as string,
      payment_id: collection.payment.id,
      amount: collection.amount_to_collect_fen / 100,
      currency_code: after.currency_code as string,
    }
    return new StepResponse(result, {
      capture_id: result.capture_id,
      payment: { id: before.id, captured_at: before.captured_at ?? null },
      collection: {
        id: pcBefore.id,
        status: pcBefore.status,
        captured_amount: pcBefore.captured_amount ?? 0,
        completed_at: pcBefore.completed_at ?? null,
      },
    })
  },
  async (comp, { container }) => {
    if (!comp) return
    const payments = container.resolve(Modules.PAYMENT) as any
    if (comp.capture_id) await payments.deleteCaptures([comp.capture_id])
    await payments.updatePayment({ id: comp.payment.id, captured_at: comp.payment.captured_at })
    const { id, ...previous } = comp.collection
    await payments.updatePaymentCollections(id, previous)
  }
)

const recordHandoverStep = createStep(
  "record-pickup-handover",
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
        lines: plan.lines.map((l) => ({
          line_item_id: l.line_item_id,
          quantity: l.quantity,
          declined_quantity: l.declined_quantity,
          damaged_quantity: l.damaged_quantity,
        })),
        amount_to_collect_fen: input.collection.amount_to_collect_fen,
        captured_fen: input.capture ? input.collection.amount_to_collect_fen : 0,
        payment_capture_id: input.capture?.capture_id ?? null,
        handed_over_at: new Date(plan.now),
      } as any,
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

const linkHandoverFulfillmentStep = createStep(
  "link-pickup-handover-fulfillment",
  async (input: { handover_id: string; fulfillment_id: string }, { container }) => {
    await pickupService(container).updatePickupHandovers({ id: input.handover_id, fulfillment_id: input.fulfillment_id })
    return new StepResponse(input.fulfillment_id, input.handover_id)
  },
  async (id, { container }) => {
    if (id) await pickupService(container).updatePickupHandovers({ id, fulfillment_id: null })
  }
)

/**
 * Handover at the counter, after the code or token was verified: exactly
 * once, logged with staff, time, lines (taken / declined / damaged) and
 * proxy. Damaged units are settled like a shortage (refund or reduced
 * collection + ledger reversal); what is left to pay is captured in Medusa;
 * the handed-over items become a Medusa fulfillment marked delivered; the
 * lines' shares become earned (declined units too — as for a no-show, the
 * household is not penalised for the resident's choice). The `handedOver`
 * hook runs last, inside the transaction: a failing handler undoes it all.
 */
export const handOverPickupWorkflow = createWorkflow("hand-over-pickup", (input: HandOverPickupInput) => {
  const plan = planHandoverStep(input)
  claimHandoverStep(plan)
  recordDamagedUnitsStep(plan)
  const settlement = transform({ plan }, ({ plan }) => ({ assignment_id: plan.assignment_id }))
  settlePickupShortageWorkflow.runAsStep({ input: settlement })
  const collection = computeCollectionStep(plan)
  const capture = capturePickupPaymentStep({ collection, staff_id: input.staff_id, order_id: plan.order_id })
  when("record-pickup-capture-transaction", { capture }, ({ capture }) => !!capture?.capture_id).then(() => {
    const trx = transform({ capture, plan }, ({ capture, plan }) => ({
      order_id: plan.order_id,
      amount: capture!.amount,
      currency_code: capture!.currency_code,
      reference: "capture",
      reference_id: capture!.capture_id,
    }))
    addOrderTransactionStep(trx)
  })
  const handover = recordHandoverStep({
    plan,
    staff_id: input.staff_id,
    method: input.method,
    proxy: input.proxy,
    collection,
    capture,
  })
  const items = transform({ plan }, ({ plan }) =>
    plan.lines.filter((l) => l.quantity > 0).map((l) => ({ id: l.line_item_id, quantity: l.quantity }))
  )
  const fulfillmentId = when("fulfill-handed-over-items", { items }, ({ items }) => items.length > 0).then(() => {
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ plan, items, input }, ({ plan, items, input }) => ({
        order_id: plan.order_id,
        items,
        created_by: input.staff_id,
        no_notification: true,
      })),
    })
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
      input: transform({ plan, fulfillment }, ({ plan, fulfillment }) => ({
        orderId: plan.order_id,
        fulfillmentId: (fulfillment as any).id as string,
      })),
    })
    return linkHandoverFulfillmentStep(
      transform({ handover, fulfillment }, ({ handover, fulfillment }) => ({
        handover_id: (handover as any).id as string,
        fulfillment_id: (fulfillment as any).id as string,
      }))
    )
  })
  const earning = transform({ plan }, ({ plan }) => ({
    order_id: plan.order_id,
    line_item_ids: plan.lines.filter((l) => l.quantity + l.declined_quantity > 0).map((l) => l.line_item_id),
    source: "pickup.handover",
  }))
  when("earn-handed-over-lines", { earning }, ({ earning }) => earning.line_item_ids.length > 0).then(() => {
    earnOrderRevenueWorkflow.runAsStep({ input: earning })
  })
  const handedOver = createHook("handedOver", {
    assignment_id: plan.assignment_id,
    order_id: plan.order_id,
    handover,
    fulfillment_id: fulfillmentId,
  })
  emitEventStep({
    eventName: "pickup.handed_over",
    data: transform({ plan }, ({ plan }) => ({ id: plan.assignment_id, order_id: plan.order_id, kind: plan.kind })),
  })
  const result = transform({ plan, collection }, ({ plan, collection }) => ({
    ...plan,
    amount_to_collect_fen: collection.amount_to_collect_fen,
    declined_fen: collection.declined_fen,
  }))
  return new WorkflowResponse({ handover, plan: result }, { hooks: [handedOver] })
})
