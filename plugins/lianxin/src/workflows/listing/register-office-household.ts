import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { HOUSEHOLD_MODULE } from "../../modules/household"
import type { RegistryDataInput } from "../../modules/household/types"
import { PICKUP_MODULE } from "../../modules/pickup"
import { createConsentRecordStep } from "../household/steps/create-consent-record"
import { createHouseholdsStep } from "../household/steps/create-households"
import { refreshHouseholdConsentStep } from "../household/steps/refresh-household-consent"
import { upsertHouseholdRegistryStep } from "../household/steps/upsert-household-registry"
import { validateHouseholdCodesStep } from "../household/steps/validate-household-codes"
import { validateReferencesStep } from "../household/steps/validate-references"
import { validateRegistryWriteStep } from "../household/steps/validate-registry-write"
import { createOfficeRegistrationStep } from "./steps/create-office-registration"
import { nextHouseholdCodeStep } from "./steps/next-household-code"
import { validateCooperativeVillageStep } from "./steps/validate-cooperative-village"

export const registerOfficeHouseholdWorkflowId = "register-office-household"

export type RegisterOfficeHouseholdInput = {
  staff_id: string
  property_office_id: string
  idempotency_key: string
  village_id: string
  cooperative_id?: string | null
  display_name: string
  story?: string | null
  consent: {
    public_profile: boolean
    registry: boolean
    method: "paper_form" | "verbal_witnessed"
    /** YYYY-MM-DD, the date on the form or of the witnessed statement. */
    signed_on: string
  }
  registry?: RegistryDataInput | null
}

/**
 * Property staff register a household on its behalf: the household (next code
 * of its village), one consent record per kind taken by the staff member,
 * registry data sealed in the encrypted columns (only with registry consent;
 * the legal name 真实姓名 too, the payout account holder's name), the
 * household ↔ office link and the registration row carrying the idempotency
 * key. Every step undoes itself if a later one fails.
 *
 * Like set-household-registry this workflow is never stored: its input may
 * hold registry data in plain text.
 */
export const registerOfficeHouseholdWorkflow = createWorkflow(
  registerOfficeHouseholdWorkflowId,
  (input: RegisterOfficeHouseholdInput) => {
    const checks = transform({ input }, ({ input }) => [
      { entity: "village" as const, field: "village_id", ids: [input.village_id], missing: "invalid_data" as const },
      {
        entity: "cooperative" as const,
        field: "cooperative_id",
        ids: [input.cooperative_id],
        missing: "invalid_data" as const,
      },
    ])
    validateReferencesStep(checks)
    validateCooperativeVillageStep(
      transform({ input }, ({ input }) => ({ village_id: input.village_id, cooperative_id: input.cooperative_id }))
    )
    const code = nextHouseholdCodeStep(transform({ input }, ({ input }) => ({ village_id: input.village_id })))
    const householdInput = transform({ input, code }, ({ input, code }) => [
      {
        code,
        display_name: input.display_name,
        story: input.story ?? null,
        village_id: input.village_id,
        cooperative_id: input.cooperative_id ?? null,
      },
    ])
    validateHouseholdCodesStep(householdInput)
    const households = createHouseholdsStep(householdInput)
    const householdId = transform({ households }, ({ households }) => households[0].id as string)

    const consentOf = (kind: "public_profile" | "registry_data") =>
      transform({ input, householdId }, ({ input, householdId }) => ({
        household_id: householdId,
        kind,
        granted: kind === "public_profile" ? input.consent.public_profile : input.consent.registry,
        method: input.consent.method,
        note: `pickup_staff; office ${input.property_office_id}`,
        recorded_at: `${input.consent.signed_on}T00:00:00+08:00`,
        recorded_by: input.staff_id,
      }))
    const profileConsent = createConsentRecordStep(consentOf("public_profile")).config({
      name: "create-public-profile-consent",
    })
    const registryConsent = createConsentRecordStep(consentOf("registry_data")).config({
      name: "create-registry-consent",
    })
    const flags = refreshHouseholdConsentStep(
      transform({ householdId }, ({ householdId }) => ({ household_id: householdId }))
    )

    when("store-registry-data", { input }, ({ input }) => !!input.registry).then(() => {
      const { consent_record_id } = validateRegistryWriteStep(
        transform({ input, householdId }, ({ input, householdId }) => ({
          household_id: householdId,
          national_id: input.registry!.national_id,
        }))
      )
      upsertHouseholdRegistryStep(
        transform({ input, householdId, consent_record_id }, ({ input, householdId, consent_record_id }) => ({
          household_id: householdId,
          consent_record_id,
          data: input.registry!,
        }))
      )
    })

    createRemoteLinkStep(
      transform({ input, householdId }, ({ input, householdId }) => [
        {
          [HOUSEHOLD_MODULE]: { household_id: householdId },
          [PICKUP_MODULE]: { property_office_id: input.property_office_id },
        },
      ])
    )
    const registration = createOfficeRegistrationStep(
      transform({ input, householdId }, ({ input, householdId }) => ({
        idempotency_key: input.idempotency_key,
        household_id: householdId,
        property_office_id: input.property_office_id,
        staff_id: input.staff_id,
      }))
    )
    const result = transform(
      { householdId, registration, profileConsent, registryConsent, flags },
      ({ householdId, registration, profileConsent, registryConsent, flags }) => ({
        household_id: householdId,
        registration_id: registration.id as string,
        consent_record_ids: [profileConsent.id as string, registryConsent.id as string],
        consent: flags,
      })
    )
    const householdRegistered = createHook("householdRegistered", { result })
    return new WorkflowResponse(result, { hooks: [householdRegistered] })
  }
)
