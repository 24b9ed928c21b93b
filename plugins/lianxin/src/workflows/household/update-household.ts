import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateHouseholdsStep } from "./steps/update-households"
import { validateReferencesStep } from "./steps/validate-references"
import type { UpdateHouseholdInput } from "./types"

export const updateHouseholdWorkflowId = "update-household"

export const updateHouseholdWorkflow = createWorkflow(updateHouseholdWorkflowId, (input: UpdateHouseholdInput) => {
  const checks = transform({ input }, ({ input }) => [
    { entity: "household" as const, field: "id", ids: [input.id], missing: "not_found" as const },
    {
      entity: "cooperative" as const,
      field: "cooperative_id",
      ids: [input.cooperative_id],
      missing: "invalid_data" as const,
    },
  ])
  validateReferencesStep(checks)
  const updated = updateHouseholdsStep(transform({ input }, ({ input }) => [input]))
  // Search documents carry the display name.
  emitEventStep({
    eventName: "lianxin.household.updated",
    data: transform({ updated }, ({ updated }) => updated.map((u: { id: string }) => ({ id: u.id }))),
  })
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
})
