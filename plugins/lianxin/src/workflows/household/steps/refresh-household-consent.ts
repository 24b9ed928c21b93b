import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { householdService } from "./service"

export const refreshHouseholdConsentStepId = "refresh-household-consent"

export type HouseholdConsentFlags = {
  id: string
  public_profile_consent: boolean
  registry_data_consent: boolean
}

/**
 * Re-derives a household's consent flags from its latest consent record of
 * each kind (a back-dated record does not override a newer one).
 */
export const refreshHouseholdConsentStep = createStep(
  refreshHouseholdConsentStepId,
  async (input: { household_id: string }, { container }) => {
    const service = householdService(container)
    const previous = await service.retrieveHousehold(input.household_id, {
      select: ["id", "public_profile_consent", "registry_data_consent"],
    })
    const [profile, registry] = await Promise.all([
      service.latestConsent(input.household_id, "public_profile"),
      service.latestConsent(input.household_id, "registry_data"),
    ])
    const flags: HouseholdConsentFlags = {
      id: input.household_id,
      public_profile_consent: profile?.granted ?? false,
      registry_data_consent: registry?.granted ?? false,
    }
    await service.updateHouseholds(flags)
    return new StepResponse(flags, {
      id: previous.id,
      public_profile_consent: previous.public_profile_consent,
      registry_data_consent: previous.registry_data_consent,
    } as HouseholdConsentFlags)
  },
  async (previous, { container }) => {
    if (previous) {
      await householdService(container).updateHouseholds(previous)
    }
  }
)
