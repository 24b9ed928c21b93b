import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderRevenueWorkflow } from "../workflows/revenue-share/reverse-order-revenue"

/** Order canceled → whatever is still accrued or earned on its lines is reversed, once. */
export default async function orderCanceledReverseRevenue({ event, container }: SubscriberArgs<{ id: string }>) {
  await reverseOrderRevenueWorkflow(container).run({
    input: {
      order_id: event.data.id,
      reversals: "all",
      reference: "cancel",
      reason: "cancellation",
      source: event.name,
    },
  })
}

export const config: SubscriberConfig = { event: "order.canceled" }
