import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureUpcomingOrderCyclesWorkflow } from "../workflows/pickup/ensure-upcoming-order-cycles"
import { scheduledJob } from "../utils/scheduled-job"

/**
 * Hourly on the worker: the daily order cycles of the next three order days
 * exist. Cycles are keyed per day, so a repeated run creates nothing twice.
 * (pickup-cycles-at-start.ts runs the same once right after start-up.)
 */
async function pickupUpcomingCycles(container: MedusaContainer) {
  await ensureUpcomingOrderCyclesWorkflow(container).run({ input: { days: 3 } })
}

const job = scheduledJob("pickup-upcoming-cycles", "5 * * * *", pickupUpcomingCycles)

export default job.run
export const config = job.config
