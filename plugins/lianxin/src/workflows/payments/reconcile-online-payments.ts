import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"

/** Our online providers (backend/src/config/medusa.ts): their sessions may be paid with no order yet. */
export const ONLINE_PROVIDER_IDS = ["pp_stripe-wechatpay_stripe", "pp_stripe-alipay_stripe", "pp_stripe_stripe"]

type Input = { now: Date; min_age_minutes?: number; max_age_hours?: number; limit?: number }

/**
 * Carts with an online payment session that is still waiting (not authorised
 * in Medusa) and no order: the payment may have succeeded at Stripe while its
 * webhook was lost (a process restart during Medusa's in-memory delay, an
 * endpoint misconfigured). Sessions younger than `min_age_minutes` are left to
 * the webhook and the payment page.
 */
const findUnsettledOnlinePaymentsStep = createStep(
  "find-unsettled-online-payments",
  async (input: Input, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const now = new Date(input.now).getTime()
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: ["id", "payment_collection_id", "created_at", "authorized_at"],
      filters: {
        provider_id: ONLINE_PROVIDER_IDS,
        status: ["requires_more", "pending", "authorized"],
        created_at: {
          $lte: new Date(now - (input.min_age_minutes ?? 5) * 60_000),
          $gte: new Date(now - (input.max_age_hours ?? 48) * 3_600_000),
        },
      },
      pagination: { take: input.limit ?? 50, order: { created_at: "ASC" } },
    })
    const collections = [
      ...new Set((sessions as Array<{ payment_collection_id: string }>).map((s) => s.payment_collection_id)),
    ]
    if (!collections.length) return new StepResponse([] as string[])
    const { data: links } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id", "payment_collection_id"],
      filters: { payment_collection_id: collections },
    })
    const cartIds = [...new Set((links as Array<{ cart_id: string }>).map((l) => l.cart_id))]
    if (!cartIds.length) return new StepResponse([] as string[])
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at"],
      filters: { id: cartIds },
    })
    return new StepResponse(
      (carts as Array<{ id: string; completed_at: Date | string | null }>)
        .filter((c) => !c.completed_at)
        .map((c) => c.id)
    )
  }
)

/**
 * Completes each cart as the storefront would: Medusa asks Stripe for the
 * intent's status; paid → the order is placed (or, past the cutoff, the
 * payment refunded by Medusa's compensation); not paid → nothing changes.
 * Each completion is its own workflow with its own compensation.
 */
const completePaidCartsStep = createStep("complete-paid-carts", async (cartIds: string[], { container }) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const placed: Array<{ cart_id: string; order_id: string }> = []
  for (const id of cartIds) {
    const { result, errors } = await completeCartWorkflow(container).run({ input: { id }, throwOnError: false })
    const orderId = (result as { id?: string } | undefined)?.id
    if (!errors?.length && orderId) {
      placed.push({ cart_id: id, order_id: orderId })
      logger.info(`[payments] reconciled cart ${id}: paid online without an order, placed order ${orderId}`)
    }
  }
  return new StepResponse({ checked: cartIds.length, placed })
})

/** The safety net behind payment webhooks (docs/payments.md); run every 10 minutes on the worker. */
export const reconcileOnlinePaymentsWorkflow = createWorkflow("reconcile-online-payments", (input: Input) => {
  const cartIds = findUnsettledOnlinePaymentsStep(input)
  return new WorkflowResponse(completePaidCartsStep(cartIds))
})
