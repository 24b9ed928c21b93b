import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { VerifyInput, VerifyResult } from "../../modules/pickup/service"
import { pickupService } from "./steps/service"

/**
 * One try of a code or QR token at the counter, under the lockout. A failure
 * is logged and counted even though the workflow itself succeeds (the caller
 * answers 422 / 429): the record is the point of the step. Compensation,
 * should a caller compose it with later steps, removes only the failure log
 * row; the counters stay, since a rollback must not refund a guess.
 */
const verifyPickupProofStep = createStep(
  "verify-pickup-proof",
  async (input: VerifyInput, { container }) => {
    const result = await pickupService(container).verifyAttempt(input)
    return new StepResponse(result, result.ok ? null : result.failure_id)
  },
  async (failureId, { container }) => {
    if (failureId) await pickupService(container).deletePickupCodeFailures([failureId])
  }
)

export const verifyPickupProofWorkflow = createWorkflow("verify-pickup-proof", (input: VerifyInput) => {
  return new WorkflowResponse(verifyPickupProofStep(input))
})

export type { VerifyResult }

/**
 * The resident's code: the placement code the first time (it may be in the
 * order-placed message already), a new one afterwards (the previous one stops
 * working); compensation restores the previous code.
 */
const issuePickupCodeStep = createStep(
  "issue-pickup-code",
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

export const issuePickupCodeWorkflow = createWorkflow("issue-pickup-code", (input: { assignment_id: string }) => {
  return new WorkflowResponse(issuePickupCodeStep(input))
})
