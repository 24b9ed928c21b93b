import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { replaceRememberedPointStep } from "./steps/replace-remembered-point"
import { validateRememberedPointStep } from "./steps/validate-remembered-point"
import type { RememberPickupPointInput } from "./types"

/** "Remember my compound" on the account. */
export const rememberPickupPointWorkflowId = "remember-pickup-point"

export const rememberPickupPointWorkflow = createWorkflow(
  rememberPickupPointWorkflowId,
  (input: RememberPickupPointInput) => {
    validateRememberedPointStep({ pickup_point_id: input.pickup_point_id as string })
    return new WorkflowResponse(replaceRememberedPointStep(input))
  }
)
