import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentsWorkflow } from "@medusajs/medusa/core-flows"
import { reverseOrderRevenueWorkflow } from "../revenue-share/reverse-order-revenue"
import { planShortageSettlementStep } from "./steps/plan-shortage-settlement"
import { claimShortageSettlementStep } from "./steps/claim-shortage-settlement"
import { recordShortageSettledAmountsStep } from "./steps/record-shortage-settled-amounts"

/**
 * Refund (or reduce what is collected) and reverse the ledger for an order's
 * shortages, once. The ledger reversal names the shortage lines and amounts,
 * so only what was not delivered is reversed.
 */
export const settlePickupShortageWorkflowId = "settle-pickup-shortage"

export const settlePickupShortageWorkflow = createWorkflow(
  settlePickupShortageWorkflowId,
  (input: { assignment_id: string }) => {
    const plan = planShortageSettlementStep(input)
    // Both steps do nothing for an empty plan (nothing left to settle).
    claimShortageSettlementStep(plan)
    const refunds = transform({ plan }, ({ plan }) => plan.refunds)
    const reversal = transform({ plan }, ({ plan }) => ({
      order_id: plan.order_id,
      reversals: plan.reversals,
      reference: plan.reference,
      reason: "shortage" as const,
      source: "pickup.shortage",
    }))
    when("refund-shortage-payments", { plan }, ({ plan }) => plan.refunds.length > 0).then(() => {
      refundPaymentsWorkflow.runAsStep({ input: refunds })
    })
    recordShortageSettledAmountsStep(plan)
    when("reverse-shortage-revenue", { plan }, ({ plan }) => plan.reversals.length > 0).then(() => {
      reverseOrderRevenueWorkflow.runAsStep({ input: reversal })
    })
    // Runs inside the transaction: a failing handler undoes the settlement.
    const settled = createHook("shortageSettled", { plan })
    return new WorkflowResponse(plan, { hooks: [settled] })
  }
)
