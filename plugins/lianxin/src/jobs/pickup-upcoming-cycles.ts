import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureUpcomingOrderCyclesWorkflow } from "../workflows/pickup/ensure-upcoming-order-cycles"

/**
 * Hourly on the worker: the daily order cycles of the next three order days
 * exist. Cycles are keyed per day, so a repeated run creates nothing twice.
 * (pickup-cycles-at-start.ts runs the same once right after start-up.)
 */
export default async function pickupUpcomingCycles(container: MedusaContainer) {
  await ensureUpcomingOrderCyclesWorkflow(container).run({ input: { days: 3 } })
}

export const config = { name: "pickup-upcoming-cycles", schedule: "5 * * * *" }
