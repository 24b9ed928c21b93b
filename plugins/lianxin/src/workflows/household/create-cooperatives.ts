import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCooperativesStep } from "./steps/create-cooperatives"
import { validateReferencesStep } from "./steps/validate-references"
import type { CreateCooperativeInput } from "./types"

export const createCooperativesWorkflowId = "create-cooperatives"

export const createCooperativesWorkflow = createWorkflow(
  createCooperativesWorkflowId,
  (input: { cooperatives: CreateCooperativeInput[] }) => {
    const checks = transform({ input }, ({ input }) => [
      {
        entity: "village" as const,
        field: "village_id",
        ids: input.cooperatives.map((c) => c.village_id),
        missing: "invalid_data" as const,
      },
    ])
    validateReferencesStep(checks)
    return new WorkflowResponse(createCooperativesStep(input.cooperatives))
  }
)
