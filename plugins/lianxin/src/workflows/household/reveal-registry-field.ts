import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRegistryAccessLogStep } from "./steps/create-registry-access-log"
import { revealRegistryValueStep } from "./steps/reveal-registry-value"
import { validateReferencesStep } from "./steps/validate-references"
import { validateRegistryRevealStep } from "./steps/validate-registry-reveal"
import type { RevealRegistryFieldInput } from "./types"

export const revealRegistryFieldWorkflowId = "reveal-registry-field"

/**
 * Logs who reveals which field and why, then decrypts it. No access-log
 * entry, no value. Same engine caveat as set-household-registry: keep it
 * synchronous and unstored, and keep the reveal the last step.
 */
export const revealRegistryFieldWorkflow = createWorkflow(
  revealRegistryFieldWorkflowId,
  (input: RevealRegistryFieldInput) => {
    const checks = transform({ input }, ({ input }) => [
      { entity: "household" as const, field: "household_id", ids: [input.household_id], missing: "not_found" as const },
    ])
    validateReferencesStep(checks)
    validateRegistryRevealStep(input)
    const entry = createRegistryAccessLogStep(input)
    const value = revealRegistryValueStep(input)
    return new WorkflowResponse(
      transform({ entry, value, input }, ({ entry, value, input }) => ({
        field: input.field,
        value,
        access_log_id: entry.id,
      }))
    )
  }
)
