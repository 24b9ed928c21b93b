import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { expirePickupHoldsWorkflow } from "../workflows/pickup/expire-pickup-holds"
import { scheduledJob } from "../utils/scheduled-job"

/** Every 10 minutes: reminders before the hold expires, then uncollected orders. */
async function pickupHolds(container: MedusaContainer) {
  await expirePickupHoldsWorkflow(container).run({ input: { now: nowOf(container) } })
}

const job = scheduledJob("pickup-holds", "*/10 * * * *", pickupHolds)

export default job.run
export const config = job.config
