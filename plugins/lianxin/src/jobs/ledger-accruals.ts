import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { accrueMissedOrdersWorkflow } from "../workflows/revenue-share/accrue-missed-orders"
import { scheduledJob } from "../utils/scheduled-job"

/** Hourly: orders of the last day whose `order.placed` accrual never ran are accrued (docs/ledger.md). */
async function ledgerAccruals(container: MedusaContainer) {
  await accrueMissedOrdersWorkflow(container).run({ input: { now: nowOf(container) } })
}

const job = scheduledJob("ledger-accruals", "17 * * * *", ledgerAccruals)

export default job.run
export const config = job.config
