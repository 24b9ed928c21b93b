import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { recordPickupDisposalStep } from "./steps/record-pickup-disposal"
import type { DisposeUncollectedInput } from "./types"

export const disposeUncollectedPickupWorkflowId = "dispose-uncollected-pickup"

export const disposeUncollectedPickupWorkflow = createWorkflow(
  disposeUncollectedPickupWorkflowId,
  (input: DisposeUncollectedInput) => {
    const result = recordPickupDisposalStep(input)
    emitEventStep({ eventName: "pickup.disposed", data: { id: input.assignment_id, policy: input.policy } })
    return new WorkflowResponse(result)
  }
)
