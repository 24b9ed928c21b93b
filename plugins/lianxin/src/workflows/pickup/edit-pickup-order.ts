import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  emitEventStep,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { accrueMissingLinesStep } from "../revenue-share/steps/accrue-missing-lines"
import { loadOrderLedgerContextStep } from "../revenue-share/steps/load-order-ledger-context"
import { postLedgerTransactionsStep } from "../revenue-share/steps/post-ledger-transactions"
import { prepareEditTransactionsStep } from "../revenue-share/steps/prepare-edit-transactions"
import { assertOrderOwnerStep, type OrderOwnerProof } from "./steps/assert-order-owner"
import {
  authorizePickupPaymentStep,
  editPickupLinesStep,
  type OrderEditInput,
  planEditRefundStep,
  readEditedOrderStep,
  validateOrderEditStep,
} from "./steps/order-edit"

export const ORDER_EDITED_EVENT = "lianxin.order.edited"

/**
 * A resident edits a placed order before the cycle's resident cutoff
 * (issue 18, decision 024): quantities change, a line goes to 0. One edit of
 * an order at a time (lock), and only of the version the resident saw.
 *
 * Only the order's owner gets past the first step (anyone else: 404, as for
 * an order that does not exist). Every refusal is decided before anything
 * changes (validate). Then Medusa's
 * own order edit — begin, update quantities, confirm — which moves the
 * inventory reservations to the new quantities and reworks the payment
 * collection; then our sides: the pickup lines and total (cutoff checked
 * again under the row lock), the payment (pay at pickup: the new amount due
 * is authorized; online: the decrease is refunded), the ledger (each edited
 * line moves to the split of its new amount, keyed by the order change), and
 * the search documents' sold counts (event).
 */
export const editPickupOrderWorkflowId = "edit-pickup-order"

/** The edit, and who asks: the order's signed-in customer, or a guest with the cart it was placed from. */
export type EditPickupOrderInput = OrderEditInput & OrderOwnerProof

export const editPickupOrderWorkflow = createWorkflow(editPickupOrderWorkflowId, (input: EditPickupOrderInput) => {
  // Someone else's order is refused before its lock is taken (a stranger cannot hold up the owner's edit).
  const owned = assertOrderOwnerStep(input)
  const lockKey = transform({ input }, ({ input }) => `lianxin-order-edit:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 5, ttl: 60 })
  const plan = validateOrderEditStep(input)
  // The order.placed subscriber may not have accrued yet (or its event was lost): accrue what was placed first, with
  // the subscriber's keys. Not undone if the edit fails: the order was placed as it was (accrue-missing-lines).
  const placed = loadOrderLedgerContextStep({ order_id: input.order_id }).config({
    name: "load-placed-order-ledger-context",
  })
  accrueMissingLinesStep({ context: placed, source: "catch-up:edit" })
  const change = beginOrderEditOrderWorkflow.runAsStep({
    input: transform({ input, owned }, ({ input, owned }) => ({
      order_id: input.order_id,
      created_by: owned.actor,
      description: "resident edit before the cutoff",
    })),
  })
  orderEditUpdateItemQuantityWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({
      order_id: input.order_id,
      items: plan.changes.map((c) => ({ id: c.line_item_id, quantity: c.to })),
    })),
  })
  confirmOrderEditRequestWorkflow.runAsStep({
    input: transform({ input, owned }, ({ input, owned }) => ({ order_id: input.order_id, confirmed_by: owned.actor })),
  })
  const edited = readEditedOrderStep({ plan })
  editPickupLinesStep({ edited, now: input.now })
  authorizePickupPaymentStep({ plan })
  const refunds = planEditRefundStep({ plan, edited })
  when("refund-order-edit", { refunds }, ({ refunds }) => refunds.length > 0).then(() => {
    refundPaymentsWorkflow.runAsStep({ input: refunds })
  })
  const context = loadOrderLedgerContextStep({ order_id: input.order_id })
  const transactions = prepareEditTransactionsStep(
    transform({ context, plan, change }, ({ context, plan, change }) => ({
      context,
      line_item_ids: plan.changes.map((c) => c.line_item_id),
      reference: (change as { id: string }).id,
    }))
  )
  postLedgerTransactionsStep(transactions)
  emitEventStep({
    eventName: ORDER_EDITED_EVENT,
    data: transform({ input }, ({ input }) => ({ id: input.order_id })),
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(
    transform({ plan, edited, change }, ({ plan, edited, change }) => ({
      order_id: edited.order_id,
      order_change_id: (change as { id: string }).id,
      previous_total_fen: plan.old_total_fen,
      total_fen: edited.total_fen,
      lines: edited.lines,
    }))
  )
})
