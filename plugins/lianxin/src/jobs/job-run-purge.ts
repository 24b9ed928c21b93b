import type { MedusaContainer } from "@medusajs/framework/types"
import { JOB_RUN_MODULE, type JobRunModuleService } from "../modules/job-run"
import { nowOf } from "../utils/clock"
import { scheduledJob } from "../utils/scheduled-job"

const KEEP_DAYS = 14

/** Daily: the record of job runs older than two weeks leaves PostgreSQL. */
async function jobRunPurge(container: MedusaContainer) {
  const before = new Date(nowOf(container).getTime() - KEEP_DAYS * 86_400_000)
  const removed = await container.resolve<JobRunModuleService>(JOB_RUN_MODULE).purgeBefore(before)
  if (removed) container.resolve("logger").info(`[jobs] purged ${removed} job runs older than ${KEEP_DAYS} days`)
}

const job = scheduledJob("job-run-purge", "23 3 * * *", jobRunPurge)

export default job.run
export const config = job.config
