import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RegistryDataInput, StoredRegistry } from "../../../modules/household/types"
import { registryValueVersion } from "../../../utils/crypto"
import { pickStored } from "./erase-household-registry"
import { householdService } from "./service"

export const upsertHouseholdRegistryStepId = "upsert-household-registry"

type Input = { household_id: string; consent_record_id: string; data: RegistryDataInput }
type Compensation = { previous: StoredRegistry | null; created_id: string | null }

/**
 * Encrypts registry data and stores it, replacing what the household had.
 * The plain values exist only in this step's memory; its output and its
 * compensation data hold ciphertext only. Compensation puts the previous
 * ciphertexts back (or removes a first-time row).
 */
export const upsertHouseholdRegistryStep = createStep(
  upsertHouseholdRegistryStepId,
  async (input: Input, { container }) => {
    const service = householdService(container)
    const sealed = service.sealRegistry(input.household_id, input.data)
    const previous = await service.retrieveStoredRegistry(input.household_id)
    const row = previous
      ? await service.updateHouseholdRegistries({
          id: previous.id,
          consent_record_id: input.consent_record_id,
          ...sealed,
        })
      : await service.createHouseholdRegistries({
          household_id: input.household_id,
          consent_record_id: input.consent_record_id,
          ...sealed,
        })
    const summary = {
      id: row.id,
      household_id: input.household_id,
      key_version: registryValueVersion(sealed.national_id_enc),
    }
    const compensation: Compensation = previous
      ? { previous: pickStored(previous), created_id: null }
      : { previous: null, created_id: row.id }
    return new StepResponse(summary, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service = householdService(container)
    if (compensation.previous) {
      await service.updateHouseholdRegistries(compensation.previous)
    } else if (compensation.created_id) {
      await service.deleteHouseholdRegistries(compensation.created_id)
    }
  }
)
