import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateVillagesStep } from "./steps/update-villages"
import { validateReferencesStep } from "./steps/validate-references"
import type { UpdateVillageInput } from "./types"

export const updateVillageWorkflowId = "update-village"

export const updateVillageWorkflow = createWorkflow(updateVillageWorkflowId, (input: UpdateVillageInput) => {
  const checks = transform({ input }, ({ input }) => [
    { entity: "village" as const, field: "id", ids: [input.id], missing: "not_found" as const },
  ])
  validateReferencesStep(checks)
  const updated = updateVillagesStep(transform({ input }, ({ input }) => [input]))
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
})
