import type { ExecArgs } from "@medusajs/framework/types"
import { runKeyRotation } from "@lianxin/plugin/workflows"

/**
 * `npm run rotate-keys` (medusa exec): after LIANXIN_REGISTRY_KEY / LIANXIN_PICKUP_KEY were
 * replaced and the old keys moved to …_KEY_PREVIOUS (docs/security.md, decision 016), moves
 * everything to the new keys now instead of waiting for the worker's rotate-keys job. Says
 * when the previous keys may be removed; exits non-zero when something could not be read.
 */
export default async function rotateKeysScript({ container }: ExecArgs) {
  const run = await runKeyRotation(container, { maxBatches: 100_000 })
  const { status } = run
  console.log(JSON.stringify({ key_rotation: run }, null, 2))
  console.log(
    status.previous_keys_removable
      ? "[lianxin] Every value is under the current keys: LIANXIN_REGISTRY_KEY_PREVIOUS and LIANXIN_PICKUP_KEY_PREVIOUS may be removed."
      : "[lianxin] Some values still depend on a previous key (see the counts above): keep the previous keys loaded."
  )
  if (run.unreadable) process.exitCode = 1
}
