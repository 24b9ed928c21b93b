import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCooperativesStep } from "./steps/update-cooperatives"
import { validateReferencesStep } from "./steps/validate-references"
import type { UpdateCooperativeInput } from "./types"

export const updateCooperativeWorkflowId = "update-cooperative"

export const updateCooperativeWorkflow = createWorkflow(
  updateCooperativeWorkflowId,
  (input: UpdateCooperativeInput) => {
    const checks = transform({ input }, ({ input }) => [
      { entity: "cooperative" as const, field: "id", ids: [input.id], missing: "not_found" as const },
      { entity: "village" as const, field: "village_id", ids: [input.village_id], missing: "invalid_data" as const },
    ])
    validateReferencesStep(checks)
    const updated = updateCooperativesStep(transform({ input }, ({ input }) => [input]))
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
