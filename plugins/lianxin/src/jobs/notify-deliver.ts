import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { deliverNotificationsWorkflow } from "../workflows/notify/deliver-notifications"
import { scheduledJob } from "../utils/scheduled-job"

/**
 * Every minute: messages that are due — held for quiet hours, waiting for a
 * retry, or left by a process that stopped mid-send. Several processes may run
 * it at once; each message is claimed by one.
 */
async function notifyDeliver(container: MedusaContainer) {
  await deliverNotificationsWorkflow(container).run({ input: { now: nowOf(container), limit: 200 } })
}

const job = scheduledJob("notify-deliver", "* * * * *", notifyDeliver)

export default job.run
export const config = job.config
