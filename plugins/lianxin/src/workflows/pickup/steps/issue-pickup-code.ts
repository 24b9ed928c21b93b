import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/**
 * The resident's code: the placement code the first time (it may be in the
 * order-placed message already), a new one afterwards (the previous one stops
 * working); compensation restores the previous code.
 */
export const issuePickupCodeStepId = "issue-pickup-code"

export const issuePickupCodeStep = createStep(
  issuePickupCodeStepId,
  async (input: { assignment_id: string }, { container }) => {
    const svc = pickupService(container)
    const issued = await svc.issueCode(input.assignment_id, { first_view: true })
    const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1 })
    if (!a?.order_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "the order is not placed yet")
    const token = svc.signToken({ a: a.id, o: a.order_id, p: a.pickup_point_id, v: issued.code_version })
    return new StepResponse(
      { code: issued.code, qr_token: token, code_version: issued.code_version },
      { id: input.assignment_id, previous: issued.previous }
    )
  },
  async (comp, { container }) => {
    if (comp) await pickupService(container).restoreCode(comp.id, comp.previous)
  }
)
