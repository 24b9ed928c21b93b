import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { previousWeek } from "../utils/periods"
import { generateHouseholdStatementsWorkflow } from "../workflows/revenue-share/generate-household-statements"

/**
 * Every Monday 01:00 Asia/Shanghai (Sunday 17:00 UTC): statements for the week
 * that just ended. Idempotent, so a retried or duplicated run changes nothing.
 */
export default async function generateWeeklyStatements(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const period = previousWeek(nowOf(container))
  const { result } = await generateHouseholdStatementsWorkflow(container).run({
    input: { period_start: period.start, period_end: period.end },
  })
  logger.info(`[lianxin] weekly statements ${period.start.toISOString()}–${period.end.toISOString()}: ${result.length} created`)
}

export const config = { name: "generate-weekly-statements", schedule: "0 17 * * 0" }
