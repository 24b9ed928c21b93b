import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { expirePickupHoldsWorkflow } from "../workflows/pickup/expire-pickup-holds"

/** Every 10 minutes: reminders before the hold expires, then uncollected orders. */
export default async function pickupHolds(container: MedusaContainer) {
  await expirePickupHoldsWorkflow(container).run({ input: { now: nowOf(container) } })
}

export const config = { name: "pickup-holds", schedule: "*/10 * * * *" }
