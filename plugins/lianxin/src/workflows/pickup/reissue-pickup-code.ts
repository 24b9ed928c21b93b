import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./steps/service"

export const reissuePickupCodeWorkflowId = "reissue-pickup-code"

/**
 * An operator replaces a live order's code (leaked or lost): new digits, version + 1, the previous code and QR stop
 * working. The new code is left unshown, so the resident's next look at the order page shows it (first view) and
 * nobody else ever reads it. Compensation restores the previous code.
 */
export const reissuePickupCodeStep = createStep(
  "reissue-pickup-code",
  async (input: { assignment_id: string }, { container }) => {
    const svc = pickupService(container)
    const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1 })
    if (!a?.order_id || !["placed", "ready"].includes(a.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `only a live order gets a new code (status: ${a?.status ?? "none"})`
      )
    }
    const issued = await svc.issueCode(input.assignment_id, { shown: false })
    return new StepResponse(
      { code_version: issued.code_version },
      { id: input.assignment_id, previous: issued.previous }
    )
  },
  async (comp, { container }) => {
    if (comp) await pickupService(container).restoreCode(comp.id, comp.previous)
  }
)

export const reissuePickupCodeWorkflow = createWorkflow(
  reissuePickupCodeWorkflowId,
  (input: { assignment_id: string }) => new WorkflowResponse(reissuePickupCodeStep(input))
)
