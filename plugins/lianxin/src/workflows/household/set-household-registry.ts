import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertHouseholdRegistryStep } from "./steps/upsert-household-registry"
import { validateReferencesStep } from "./steps/validate-references"
import { validateRegistryWriteStep } from "./steps/validate-registry-write"
import type { SetHouseholdRegistryInput } from "./types"

export const setHouseholdRegistryWorkflowId = "set-household-registry"

/**
 * Stores (or replaces) a household's registry data, encrypted, after checking
 * consent and duplicates. Returns no registry value, only the row's id and key
 * version.
 *
 * Keep this workflow synchronous and without `store`/`retentionTime`/
 * `idempotent`: the engine would then checkpoint the plain input to the
 * workflow_execution table.
 */
export const setHouseholdRegistryWorkflow = createWorkflow(
  setHouseholdRegistryWorkflowId,
  (input: SetHouseholdRegistryInput) => {
    const checks = transform({ input }, ({ input }) => [
      { entity: "household" as const, field: "household_id", ids: [input.household_id], missing: "not_found" as const },
    ])
    validateReferencesStep(checks)
    const { consent_record_id } = validateRegistryWriteStep(
      transform({ input }, ({ input }) => ({ household_id: input.household_id, national_id: input.data.national_id }))
    )
    const registry = upsertHouseholdRegistryStep(
      transform({ input, consent_record_id }, ({ input, consent_record_id }) => ({
        household_id: input.household_id,
        consent_record_id,
        data: input.data,
      }))
    )
    const registrySet = createHook("registrySet", { registry })
    return new WorkflowResponse(registry, { hooks: [registrySet] })
  }
)
