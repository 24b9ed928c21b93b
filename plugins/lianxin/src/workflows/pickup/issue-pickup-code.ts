import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issuePickupCodeStep } from "./steps/issue-pickup-code"

export const issuePickupCodeWorkflowId = "issue-pickup-code"

export const issuePickupCodeWorkflow = createWorkflow(issuePickupCodeWorkflowId, (input: { assignment_id: string }) => {
  return new WorkflowResponse(issuePickupCodeStep(input))
})
