import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settlePickupShortageWorkflow } from "../workflows/pickup/settle-pickup-shortage"

/** Shortage recorded at check-in → refund (or reduce what is collected) and reverse the ledger, before pickup. */
export default async function pickupShortageSettle({ event, container }: SubscriberArgs<{ assignment_id: string }>) {
  await settlePickupShortageWorkflow(container).run({ input: { assignment_id: event.data.assignment_id } })
}

export const config: SubscriberConfig = { event: "pickup.shortage_recorded" }
