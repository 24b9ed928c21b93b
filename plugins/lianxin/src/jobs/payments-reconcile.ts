import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { reconcileOnlinePaymentsWorkflow } from "../workflows/payments/reconcile-online-payments"
import { scheduledJob } from "../utils/scheduled-job"

/** Every 10 minutes: carts paid online whose webhook never placed the order (docs/payments.md). */
async function paymentsReconcile(container: MedusaContainer) {
  await reconcileOnlinePaymentsWorkflow(container).run({ input: { now: nowOf(container) } })
}

const job = scheduledJob("payments-reconcile", "*/10 * * * *", paymentsReconcile)

export default job.run
export const config = job.config
