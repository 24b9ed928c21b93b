import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type FinishJobRunInput, finishJobRunStep } from "./steps/finish-job-run"

/** Closes a claimed run with its outcome (done, or failed with the error). */
export const finishJobRunWorkflow = createWorkflow("finish-job-run", (input: FinishJobRunInput) => {
  return new WorkflowResponse(finishJobRunStep(input))
})
