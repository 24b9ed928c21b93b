import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { freezeHarvestListsWorkflow } from "../workflows/pickup/freeze-harvest-lists"
import { scheduledJob } from "../utils/scheduled-job"

/** Every 5 minutes: batches past their producer cutoff get their harvest list frozen (once, on any server). */
async function pickupFreezeHarvest(container: MedusaContainer) {
  await freezeHarvestListsWorkflow(container).run({ input: { now: nowOf(container) } })
}

const job = scheduledJob("pickup-freeze-harvest", "*/5 * * * *", pickupFreezeHarvest)

export default job.run
export const config = job.config
