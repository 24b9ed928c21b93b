import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { previousWeek } from "../utils/periods"
import { generateHouseholdStatementsWorkflow } from "../workflows/revenue-share/generate-household-statements"
import { scheduledJob } from "../utils/scheduled-job"

/**
 * Every Monday 01:00 Asia/Shanghai (Sunday 17:00 UTC): statements for the week
 * that just ended. Idempotent, so a retried or duplicated run changes nothing.
 */
async function generateWeeklyStatements(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const period = previousWeek(nowOf(container))
  const { result } = await generateHouseholdStatementsWorkflow(container).run({
    input: { period_start: period.start, period_end: period.end },
  })
  logger.info(
    `[lianxin] weekly statements ${period.start.toISOString()}–${period.end.toISOString()}: ${result.length} created`
  )
}

const job = scheduledJob("generate-weekly-statements", "0 17 * * 0", generateWeeklyStatements)

export default job.run
export const config = job.config
