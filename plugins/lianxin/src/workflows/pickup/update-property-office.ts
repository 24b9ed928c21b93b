import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updatePropertyOfficeStep } from "./steps/update-property-office"

export const updatePropertyOfficeWorkflowId = "update-property-office"

export const updatePropertyOfficeWorkflow = createWorkflow(
  updatePropertyOfficeWorkflowId,
  (input: { id: string; data: Record<string, unknown> }) => new WorkflowResponse(updatePropertyOfficeStep(input))
)
