import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureUpcomingOrderCyclesWorkflow } from "../workflows/pickup/ensure-upcoming-order-cycles"
import { scheduledJob } from "../utils/scheduled-job"

/**
 * Once, a few seconds after the worker starts: the daily cycles are rolled
 * forward before anyone waits for the hourly run, so a database seeded days
 * ago (or a worker that was down) takes orders again at once. `npm start`
 * also rolls them before Medusa starts (backend/src/scripts/seed.ts).
 */
async function pickupCyclesAtStart(container: MedusaContainer) {
  await ensureUpcomingOrderCyclesWorkflow(container).run({ input: { days: 3 } })
}

const job = scheduledJob("pickup-cycles-at-start", { interval: 5_000, numberOfExecutions: 1 }, pickupCyclesAtStart)

export default job.run
export const config = job.config
