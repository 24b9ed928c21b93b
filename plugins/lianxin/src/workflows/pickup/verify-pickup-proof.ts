import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { VerifyInput, VerifyResult } from "../../modules/pickup/service"
import { verifyPickupProofStep } from "./steps/verify-pickup-proof"

export const verifyPickupProofWorkflowId = "verify-pickup-proof"

export const verifyPickupProofWorkflow = createWorkflow(verifyPickupProofWorkflowId, (input: VerifyInput) => {
  return new WorkflowResponse(verifyPickupProofStep(input))
})

export type { VerifyResult }
