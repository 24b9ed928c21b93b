import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updatePickupPointStep } from "./steps/update-pickup-point"

export const updatePickupPointWorkflowId = "update-pickup-point"

export const updatePickupPointWorkflow = createWorkflow(
  updatePickupPointWorkflowId,
  (input: { id: string; data: Record<string, unknown> }) => new WorkflowResponse(updatePickupPointStep(input))
)
