import type { MedusaContainer } from "@medusajs/framework/types"
import { ONE_TIME_CODE_MODULE, type OneTimeCodeModuleService } from "../modules/one-time-code"
import { THROTTLE_MODULE, type ThrottleModuleService } from "../modules/throttle"
import { scheduledJob } from "../utils/scheduled-job"

/** Rate-limit windows and one-time codes that ended over a day ago leave PostgreSQL (Redis expires its keys itself). */
async function throttlePurgeJob(container: MedusaContainer) {
  const removed = await container.resolve<ThrottleModuleService>(THROTTLE_MODULE).purgeExpired()
  if (removed) container.resolve("logger").info(`[throttle] purged ${removed} expired rate-limit windows`)
  const codes = await container.resolve<OneTimeCodeModuleService>(ONE_TIME_CODE_MODULE).purgeOld()
  if (codes) container.resolve("logger").info(`[one-time-code] purged ${codes} old one-time codes`)
}

const job = scheduledJob("throttle-purge", "17 * * * *", throttlePurgeJob)

export default job.run
export const config = job.config
