import type { UpdatePaymentDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Collection } from "../types"

/**
 * Pay at pickup: the money taken at the counter is captured on the order's
 * authorized payment through the Payment Module. Medusa's own capture step
 * has no compensation (an online capture cannot be taken back); this one
 * only ever captures money handed over at the counter in the same
 * transaction, so undoing it deletes the capture and restores the payment
 * and its collection as they were.
 */
export const capturePickupPaymentStepId = "capture-pickup-payment"

export const capturePickupPaymentStep = createStep(
  capturePickupPaymentStepId,
  async (input: { collection: Collection; staff_id: string; order_id: string }, { container }) => {
    const { collection } = input
    if (collection.amount_to_collect_fen <= 0) return new StepResponse(null, null)
    if (!collection.payment) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `order ${input.order_id} has ¥${collection.amount_to_collect_fen / 100} to collect but no authorized payment to capture it on`
      )
    }
    const payments = container.resolve(Modules.PAYMENT)
    const [before] = await payments.listPayments({ id: collection.payment.id }, { relations: ["captures"] })
    const [pcBefore] = await payments.listPaymentCollections({ id: collection.payment.collection_id })
    const known = new Set((before.captures ?? []).map((c) => c.id))
    const after = await payments.capturePayment({
      payment_id: collection.payment.id,
      amount: collection.amount_to_collect_fen / 100,
      captured_by: input.staff_id,
    })
    const capture = (after.captures ?? []).find((c) => !known.has(c.id))
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
    const payments = container.resolve(Modules.PAYMENT)
    if (comp.capture_id) await payments.deleteCaptures([comp.capture_id])
    // The Payment Module updates any column of the payment; UpdatePaymentDTO names fewer.
    await payments.updatePayment({ id: comp.payment.id, captured_at: comp.payment.captured_at } as UpdatePaymentDTO)
    const { id, ...previous } = comp.collection
    await payments.updatePaymentCollections(id, previous)
  }
)
