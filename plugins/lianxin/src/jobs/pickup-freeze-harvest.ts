import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { freezeHarvestListsWorkflow } from "../workflows/pickup/freeze-harvest-lists"

/** Every 5 minutes: batches past their producer cutoff get their harvest list frozen (once, on any server). */
export default async function pickupFreezeHarvest(container: MedusaContainer) {
  await freezeHarvestListsWorkflow(container).run({ input: { now: nowOf(container) } })
}

export const config = { name: "pickup-freeze-harvest", schedule: "*/5 * * * *" }
