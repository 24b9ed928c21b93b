import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureUpcomingOrderCyclesWorkflow } from "../workflows/pickup/ensure-upcoming-order-cycles"

/**
 * Once, a few seconds after the worker starts: the daily cycles are rolled
 * forward before anyone waits for the hourly run, so a database seeded days
 * ago (or a worker that was down) takes orders again at once. `npm start`
 * also rolls them before Medusa starts (backend/src/scripts/seed.ts).
 */
export default async function pickupCyclesAtStart(container: MedusaContainer) {
  await ensureUpcomingOrderCyclesWorkflow(container).run({ input: { days: 3 } })
}

export const config = { name: "pickup-cycles-at-start", schedule: { interval: 5_000, numberOfExecutions: 1 } }
