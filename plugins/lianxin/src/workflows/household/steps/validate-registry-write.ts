import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { householdService } from "./service"

export const validateRegistryWriteStepId = "validate-registry-write"

/**
 * Registry data may be stored only while the household's latest
 * registry_data consent record grants it, and a national ID number belongs
 * to one household only. Returns the consent record that authorises the write.
 * Messages never contain the data.
 */
export const validateRegistryWriteStep = createStep(
  validateRegistryWriteStepId,
  async (input: { household_id: string; national_id: string }, { container }) => {
    const service = householdService(container)
    const consent = await service.latestConsent(input.household_id, "registry_data")
    if (!consent?.granted) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Registry data can only be stored with the household's consent: record a granted registry_data consent first"
      )
    }
    const holder = await service.findHouseholdIdByNationalId(input.national_id)
    if (holder && holder !== input.household_id) {
      const other = await service.retrieveHousehold(holder, { select: ["code"] })
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `national_id: this ID number is already registered for household ${other.code}`
      )
    }
    return new StepResponse({ consent_record_id: consent.id })
  }
)
