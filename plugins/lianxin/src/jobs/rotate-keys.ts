import type { MedusaContainer } from "@medusajs/framework/types"
import { keyRotationStatus, runKeyRotation } from "../workflows/security/rotate-keys"
import { scheduledJob } from "../utils/scheduled-job"

/**
 * After a key rotation (decision 016) the worker re-encrypts registry data
 * and moves live pickup codes to the new keys in batches; nothing to do costs
 * two counting queries.
 */
async function rotateKeysJob(container: MedusaContainer) {
  const status = await keyRotationStatus(container)
  if (status.registry.rows_to_reencrypt === 0 && status.pickup.codes_to_rekey === 0) return
  await runKeyRotation(container)
}

const job = scheduledJob("rotate-keys", "*/15 * * * *", rotateKeysJob)

export default job.run
export const config = job.config
