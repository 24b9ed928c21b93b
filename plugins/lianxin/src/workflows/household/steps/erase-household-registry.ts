import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StoredRegistry } from "../../../modules/household/types"
import { householdService } from "./service"

export const eraseHouseholdRegistryStepId = "erase-household-registry"

/**
 * Deletes a household's registry data for good (consent withdrawn). The
 * access log stays: it never held values. Compensation writes the same
 * ciphertexts back.
 */
export const eraseHouseholdRegistryStep = createStep(
  eraseHouseholdRegistryStepId,
  async (input: { household_id: string }, { container }) => {
    const service = householdService(container)
    const stored = await service.retrieveStoredRegistry(input.household_id)
    if (!stored) {
      return new StepResponse({ erased: false }, null as StoredRegistry | null)
    }
    await service.deleteHouseholdRegistries(stored.id)
    return new StepResponse({ erased: true }, stored)
  },
  async (stored, { container }) => {
    if (stored) {
      await householdService(container).createHouseholdRegistries(pickStored(stored))
    }
  }
)

export function pickStored(s: StoredRegistry): StoredRegistry {
  return {
    id: s.id,
    household_id: s.household_id,
    consent_record_id: s.consent_record_id,
    legal_name_enc: s.legal_name_enc ?? null,
    poverty_status_enc: s.poverty_status_enc,
    national_id_enc: s.national_id_enc,
    national_id_digest: s.national_id_digest,
    phone_enc: s.phone_enc,
    bank_name_enc: s.bank_name_enc,
    bank_account_enc: s.bank_account_enc,
  }
}
