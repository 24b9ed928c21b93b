import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { accrueOrderRevenueWorkflow } from "../workflows/revenue-share/accrue-order-revenue"

/** Order placed → every line's shares accrued in the ledger (idempotent on replay). */
export default async function orderPlacedAccrueRevenue({ event, container }: SubscriberArgs<{ id: string }>) {
  await accrueOrderRevenueWorkflow(container).run({ input: { order_id: event.data.id, source: event.name } })
}

export const config: SubscriberConfig = { event: "order.placed" }
