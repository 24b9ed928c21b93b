import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
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
  // Search documents carry the village and province.
  emitEventStep({
    eventName: "lianxin.village.updated",
    data: transform({ updated }, ({ updated }) => updated.map((u: { id: string }) => ({ id: u.id }))),
  })
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
})
