import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { HOUSEHOLD_MODULE } from "../../modules/household"
import type HouseholdModuleService from "../../modules/household/service"
import type { ReencryptedRegistryRow } from "../../modules/household/service"
import { PICKUP_MODULE } from "../../modules/pickup"
import type PickupModuleService from "../../modules/pickup/service"
import type { RekeyedCode } from "../../modules/pickup/service"

/**
 * Key rotation (decision 016): one batch of registry rows and one batch of
 * live pickup codes moved to the current keys. Each step keeps what it
 * replaced, so a failure later in the run puts the old ciphertexts back.
 * Batches select only rows not yet under the current key, so the workflow is
 * idempotent and a stopped rotation resumes by running again.
 */
export type RotateKeysBatchInput = {
  registry_after?: string | null
  pickup_after?: string | null
  /** Rows per side; 0 skips a side that is done. */
  registry_limit: number
  pickup_limit: number
  fail_after_steps?: boolean
}

const reencryptRegistryStep = createStep(
  "reencrypt-registry-batch",
  async (input: { after?: string | null; limit: number }, { container }) => {
    const households = container.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
    const result = await households.reencryptRegistry({ after: input.after, limit: input.limit })
    return new StepResponse(
      { updated: result.updated, unreadable: result.unreadable, last_id: result.last_id },
      result.previous
    )
  },
  async (previous: ReencryptedRegistryRow[] | undefined, { container }) => {
    if (!previous?.length) return
    await container.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE).restoreReencryptedRegistry(previous)
  }
)

const rekeyPickupCodesStep = createStep(
  "rekey-pickup-codes-batch",
  async (input: { after?: string | null; limit: number }, { container }) => {
    const pickup = container.resolve<PickupModuleService>(PICKUP_MODULE)
    const result = await pickup.rekeyCodes({ after: input.after, limit: input.limit })
    return new StepResponse(
      { updated: result.updated, unreadable: result.unreadable, last_id: result.last_id },
      result.previous
    )
  },
  async (previous: RekeyedCode[] | undefined, { container }) => {
    if (!previous?.length) return
    await container.resolve<PickupModuleService>(PICKUP_MODULE).restoreRekeyedCodes(previous)
  }
)

/** Tests prove the compensation with it: a failure after both batches were written. */
const failIfAskedStep = createStep("rotate-keys-fail-if-asked", async (input: { fail?: boolean }) => {
  if (input.fail) throw new Error("rotate-keys: failure requested after the batches (test of the compensation)")
  return new StepResponse(null)
})

export const rotateKeysBatchWorkflow = createWorkflow("rotate-keys-batch", (input: RotateKeysBatchInput) => {
  const registry = reencryptRegistryStep({ after: input.registry_after, limit: input.registry_limit })
  const pickup = rekeyPickupCodesStep({ after: input.pickup_after, limit: input.pickup_limit })
  failIfAskedStep({ fail: input.fail_after_steps })
  return new WorkflowResponse({ registry, pickup })
})

export type KeyRotationStatus = {
  registry: { current_key: string; loaded_keys: string[]; rows_to_reencrypt: number }
  pickup: { current_key: string; loaded_keys: string[]; codes_to_rekey: number; codes_without_sealed_copy: number }
  /** True when nothing live depends on a key other than the current one: previous keys may be removed. */
  previous_keys_removable: boolean
}

export async function keyRotationStatus(container: MedusaContainer): Promise<KeyRotationStatus> {
  const households = container.resolve<HouseholdModuleService>(HOUSEHOLD_MODULE)
  const pickup = container.resolve<PickupModuleService>(PICKUP_MODULE)
  const registryKeys = households.registryKeyVersions()
  const pickupKeys = pickup.pickupKeyIds()
  const rows = await households.countRegistryToReencrypt()
  const codes = await pickup.countCodesToRekey()
  return {
    registry: { current_key: registryKeys.current, loaded_keys: registryKeys.loaded, rows_to_reencrypt: rows },
    pickup: {
      current_key: pickupKeys.current,
      loaded_keys: pickupKeys.loaded,
      codes_to_rekey: codes.stale,
      codes_without_sealed_copy: codes.unsealed,
    },
    previous_keys_removable: rows === 0 && codes.stale === 0 && codes.unsealed === 0,
  }
}

export type KeyRotationRun = {
  batches: number
  registry_reencrypted: number
  pickup_rekeyed: number
  unreadable: number
  status: KeyRotationStatus
}

/**
 * Runs batches until no row is left behind (or `maxBatches`): the job, the
 * admin route and `npm run rotate-keys` all call this. Each batch is its own
 * workflow run and transaction; a crash loses at most the batch in flight,
 * and the next run continues with what is still under an old key.
 */
export async function runKeyRotation(
  container: MedusaContainer,
  { batchSize = 200, maxBatches = 1000 }: { batchSize?: number; maxBatches?: number } = {}
): Promise<KeyRotationRun> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let registryAfter: string | null = null
  let pickupAfter: string | null = null
  let registryDone = false
  let pickupDone = false
  const run = { batches: 0, registry_reencrypted: 0, pickup_rekeyed: 0, unreadable: 0 }
  while (!(registryDone && pickupDone) && run.batches < maxBatches) {
    const { result } = await rotateKeysBatchWorkflow(container).run({
      input: {
        registry_after: registryAfter,
        pickup_after: pickupAfter,
        registry_limit: registryDone ? 0 : batchSize,
        pickup_limit: pickupDone ? 0 : batchSize,
      },
    })
    run.batches++
    run.registry_reencrypted += result.registry.updated
    run.pickup_rekeyed += result.pickup.updated
    run.unreadable += result.registry.unreadable + result.pickup.unreadable
    registryDone ||= result.registry.last_id === null
    pickupDone ||= result.pickup.last_id === null
    registryAfter = result.registry.last_id ?? registryAfter
    pickupAfter = result.pickup.last_id ?? pickupAfter
  }
  const status = await keyRotationStatus(container)
  logger.info(
    `[key rotation] ${run.registry_reencrypted} registry row(s) re-encrypted under "${status.registry.current_key}", ` +
      `${run.pickup_rekeyed} pickup code(s) moved to "${status.pickup.current_key}" in ${run.batches} batch(es); ` +
      `${run.unreadable} unreadable; previous keys removable: ${status.previous_keys_removable}`
  )
  return { ...run, status }
}
