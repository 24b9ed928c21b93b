import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPropertyOfficesStep } from "./steps/create-property-offices"

export const createPropertyOfficesWorkflowId = "create-property-offices"

export const createPropertyOfficesWorkflow = createWorkflow(
  createPropertyOfficesWorkflowId,
  (input: { offices: Record<string, unknown>[] }) => new WorkflowResponse(createPropertyOfficesStep(input.offices))
)
