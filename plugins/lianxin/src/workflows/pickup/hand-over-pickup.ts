import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  addOrderTransactionStep,
  createOrderFulfillmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { earnOrderRevenueWorkflow } from "../revenue-share/earn-order-revenue"
import { settlePickupShortageWorkflow } from "./settle-pickup-shortage"
import { planPickupHandoverStep } from "./steps/plan-pickup-handover"
import { claimPickupHandoverStep } from "./steps/claim-pickup-handover"
import { recordPickupDamagedUnitsStep } from "./steps/record-pickup-damaged-units"
import { computePickupCollectionStep } from "./steps/compute-pickup-collection"
import { capturePickupPaymentStep } from "./steps/capture-pickup-payment"
import { recordPickupHandoverStep } from "./steps/record-pickup-handover"
import { linkPickupHandoverFulfillmentStep } from "./steps/link-pickup-handover-fulfillment"
import type { HandOverPickupInput } from "./types"

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
export const handOverPickupWorkflowId = "hand-over-pickup"

export const handOverPickupWorkflow = createWorkflow(handOverPickupWorkflowId, (input: HandOverPickupInput) => {
  const plan = planPickupHandoverStep(input)
  claimPickupHandoverStep(plan)
  recordPickupDamagedUnitsStep(plan)
  const settlement = transform({ plan }, ({ plan }) => ({ assignment_id: plan.assignment_id }))
  settlePickupShortageWorkflow.runAsStep({ input: settlement })
  const collection = computePickupCollectionStep(plan)
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
  const handover = recordPickupHandoverStep({
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
        fulfillmentId: fulfillment.id,
      })),
    })
    return linkPickupHandoverFulfillmentStep(
      transform({ handover, fulfillment }, ({ handover, fulfillment }) => ({
        handover_id: handover.id,
        fulfillment_id: fulfillment.id,
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
