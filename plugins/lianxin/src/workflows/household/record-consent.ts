import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createConsentRecordStep } from "./steps/create-consent-record"
import { eraseHouseholdRegistryStep } from "./steps/erase-household-registry"
import { refreshHouseholdConsentStep } from "./steps/refresh-household-consent"
import { validateConsentRecordStep } from "./steps/validate-consent-record"
import { validateReferencesStep } from "./steps/validate-references"
import type { RecordConsentInput } from "./types"

export const recordConsentWorkflowId = "record-consent"

/**
 * Appends a consent record and re-derives the household's consent flags from
 * the latest records. When registry consent ends up withdrawn, the registry
 * data is erased in the same workflow.
 */
export const recordConsentWorkflow = createWorkflow(recordConsentWorkflowId, (input: RecordConsentInput) => {
  const checks = transform({ input }, ({ input }) => [
    { entity: "household" as const, field: "household_id", ids: [input.household_id], missing: "not_found" as const },
  ])
  validateReferencesStep(checks)
  validateConsentRecordStep(input)
  const record = createConsentRecordStep(input)
  const flags = refreshHouseholdConsentStep(transform({ input }, ({ input }) => ({ household_id: input.household_id })))
  const erasure = when("erase-registry-without-consent", { flags }, ({ flags }) => !flags.registry_data_consent).then(
    () => eraseHouseholdRegistryStep(transform({ input }, ({ input }) => ({ household_id: input.household_id })))
  )
  const result = transform({ record, flags, erasure }, ({ record, flags, erasure }) => ({
    consent_record: record,
    household: flags,
    registry_erased: erasure?.erased ?? false,
  }))
  // A public-profile consent shows or hides the household's name in search documents.
  emitEventStep({
    eventName: "lianxin.household.consent_recorded",
    data: transform({ input }, ({ input }) => ({ id: input.household_id, kind: input.kind })),
  })
  const consentRecorded = createHook("consentRecorded", { result })
  return new WorkflowResponse(result, { hooks: [consentRecorded] })
})
