import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelPickupForCanceledOrderWorkflow } from "../workflows/pickup/cancel-pickup-for-canceled-order"

/**
 * Order canceled (Medusa Admin, or the resident's own cancel) → the pickup
 * assignment follows: canceled, code cleared, batch place given back while it
 * was still placed; ready / collected orders are only logged. Idempotent.
 */
export default async function orderCanceledCancelPickup({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelPickupForCanceledOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.canceled" }
