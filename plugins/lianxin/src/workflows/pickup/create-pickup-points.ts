import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validatePickupPointOfficeStep } from "./steps/validate-pickup-point-office"
import { createPickupPointsStep } from "./steps/create-pickup-points"

export const createPickupPointsWorkflowId = "create-pickup-points"

export const createPickupPointsWorkflow = createWorkflow(
  createPickupPointsWorkflowId,
  (input: { points: Array<Record<string, unknown> & { office_id: string }> }) => {
    const officeIds = transform({ input }, ({ input }) => input.points.map((p) => p.office_id))
    validatePickupPointOfficeStep({ office_ids: officeIds })
    return new WorkflowResponse(createPickupPointsStep(input.points))
  }
)
