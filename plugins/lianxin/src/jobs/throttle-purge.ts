import type { MedusaContainer } from "@medusajs/framework/types"
import { THROTTLE_MODULE, type ThrottleModuleService } from "../modules/throttle"

/** Rate-limit windows that ended over a day ago leave PostgreSQL (Redis expires its keys itself). */
export default async function throttlePurgeJob(container: MedusaContainer) {
  const removed = await container.resolve<ThrottleModuleService>(THROTTLE_MODULE).purgeExpired()
  if (removed) container.resolve("logger").info(`[throttle] purged ${removed} expired rate-limit windows`)
}

export const config = { name: "throttle-purge", schedule: "17 * * * *" }
