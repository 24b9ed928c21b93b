import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createHouseholdsStep } from "./steps/create-households"
import { validateHouseholdCodesStep } from "./steps/validate-household-codes"
import { validateReferencesStep } from "./steps/validate-references"
import type { CreateHouseholdInput } from "./types"

export const createHouseholdsWorkflowId = "create-households"

/**
 * Creates households without any consent. The `householdsCreated` hook runs
 * last; if its handler throws, the households are removed again.
 */
export const createHouseholdsWorkflow = createWorkflow(
  createHouseholdsWorkflowId,
  (input: { households: CreateHouseholdInput[] }) => {
    const checks = transform({ input }, ({ input }) => [
      {
        entity: "village" as const,
        field: "village_id",
        ids: input.households.map((h) => h.village_id),
        missing: "invalid_data" as const,
      },
      {
        entity: "cooperative" as const,
        field: "cooperative_id",
        ids: input.households.map((h) => h.cooperative_id),
        missing: "invalid_data" as const,
      },
    ])
    validateReferencesStep(checks)
    validateHouseholdCodesStep(input.households)
    const households = createHouseholdsStep(input.households)
    const householdsCreated = createHook("householdsCreated", { households })
    return new WorkflowResponse(households, { hooks: [householdsCreated] })
  }
)
