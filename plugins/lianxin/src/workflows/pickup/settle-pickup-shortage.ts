import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createHook, createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentsWorkflow } from "@medusajs/medusa/core-flows"
import { toFen } from "../../utils/money"
import { shortRefundFen } from "../../utils/pickup-shortage"
import { reverseOrderRevenueWorkflow } from "../revenue-share/reverse-order-revenue"
import { pickupService, type Query } from "./steps/service"

type SettlementPlan = {
  assignment_id: string
  order_id: string
  claims: Array<{ id: string; from: number; to: number }>
  reversals: Array<{ line_item_id: string; amount_fen: number }>
  refunds: Array<{ payment_id: string; amount: number; note: string }>
  refund_fen: number
  reduction_fen: number
  reference: string
}

/**
 * What is still owed for an order's shortages: per line, the refund of the
 * short units not settled yet. Money goes back to captured payments first
 * (Medusa's refund workflow); whatever was never captured — pay at pickup —
 * is taken off what the counter collects instead.
 */
const planShortageSettlementStep = createStep(
  "plan-shortage-settlement",
  async (input: { assignment_id: string }, { container }) => {
    const svc = pickupService(container)
    const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1, relations: ["lines"] })
    if (!a?.order_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup ${input.assignment_id} has no order`)
    const open = (a.lines ?? []).filter((l: any) => Number(l.short_quantity) > Number(l.settled_short_quantity))
    const claims = open.map((l: any) => ({ id: l.id, from: Number(l.settled_short_quantity), to: Number(l.short_quantity) }))
    const reversals = open
      .map((l: any) => ({
        line_item_id: l.line_item_id,
        amount_fen:
          shortRefundFen(Number(l.amount_fen), Number(l.quantity), Number(l.short_quantity)) -
          shortRefundFen(Number(l.amount_fen), Number(l.quantity), Number(l.settled_short_quantity)),
      }))
      .filter((r) => r.amount_fen > 0)
    const total = reversals.reduce((s, r) => s + r.amount_fen, 0)

    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
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
    for (const pc of data[0]?.payment_collections ?? []) {
      for (const p of pc?.payments ?? []) {
        if (left <= 0) break
        const captured = (p.captures ?? []).reduce((s: number, c: any) => s + toFen(c.amount), 0)
        const refunded = (p.refunds ?? []).reduce((s: number, r: any) => s + toFen(r.amount), 0)
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

/** Takes the unsettled short quantities so a concurrent or repeated run settles nothing twice. */
const claimShortageSettlementStep = createStep(
  "claim-shortage-settlement",
  async (plan: SettlementPlan, { container }) => {
    if (!plan.claims.length) return new StepResponse([] as string[], [] as SettlementPlan["claims"])
    const claimed = await pickupService(container).claimShortageSettlement(plan.claims)
    if (claimed.length !== plan.claims.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `shortage of pickup ${plan.assignment_id} is being settled already`)
    }
    return new StepResponse(claimed, plan.claims.filter((c) => claimed.includes(c.id)))
  },
  async (claims, { container }) => {
    if (claims?.length) {
      await pickupService(container).updatePickupLines(claims.map((c) => ({ id: c.id, settled_short_quantity: c.from })))
    }
  }
)

const recordSettledAmountsStep = createStep(
  "record-shortage-settled-amounts",
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

/**
 * Refund (or reduce what is collected) and reverse the ledger for an order's
 * shortages, once. The ledger reversal names the shortage lines and amounts,
 * so only what was not delivered is reversed.
 */
export const settlePickupShortageWorkflow = createWorkflow(
  "settle-pickup-shortage",
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
    recordSettledAmountsStep(plan)
    when("reverse-shortage-revenue", { plan }, ({ plan }) => plan.reversals.length > 0).then(() => {
      reverseOrderRevenueWorkflow.runAsStep({ input: reversal })
    })
    // Runs inside the transaction: a failing handler undoes the settlement.
    const settled = createHook("shortageSettled", { plan })
    return new WorkflowResponse(plan, { hooks: [settled] })
  }
)
