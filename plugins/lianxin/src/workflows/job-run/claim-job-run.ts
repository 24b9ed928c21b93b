import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type ClaimJobRunInput, claimJobRunStep } from "./steps/claim-job-run"

/** The first process to claim (job, scheduled_for) runs that tick; the answer names the holder otherwise. */
export const claimJobRunWorkflow = createWorkflow("claim-job-run", (input: ClaimJobRunInput) => {
  return new WorkflowResponse(claimJobRunStep(input))
})
