import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderRevenueWorkflow } from "../workflows/revenue-share/earn-order-revenue"

/**
 * A resident's no-show does not claw back the household's share: the goods
 * were delivered to the point, so the order's remaining accrued shares become
 * earned, as at a handover.
 */
export default async function pickupUncollectedEarn({
  event,
  container,
}: SubscriberArgs<{ id: string; order_id: string }>) {
  await earnOrderRevenueWorkflow(container).run({
    input: { order_id: event.data.order_id, source: "pickup.uncollected" },
  })
}

export const config: SubscriberConfig = { event: "pickup.uncollected" }
