import type { MedusaContainer } from "@medusajs/framework/types"
import { keyRotationStatus, runKeyRotation } from "../workflows/security/rotate-keys"

/**
 * After a key rotation (decision 016) the worker re-encrypts registry data
 * and moves live pickup codes to the new keys in batches; nothing to do costs
 * two counting queries.
 */
export default async function rotateKeysJob(container: MedusaContainer) {
  const status = await keyRotationStatus(container)
  if (status.registry.rows_to_reencrypt === 0 && status.pickup.codes_to_rekey === 0) return
  await runKeyRotation(container)
}

export const config = { name: "rotate-keys", schedule: "*/15 * * * *" }
