import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../../utils/clock"
import { pickupService } from "./service"

export const REFUSALS = {
  not_found: "找不到这个订单的自提信息。(this order has no pickup to cancel)",
  not_placed:
    "订单已取消或已进入配送/自提流程，不能再取消。(the order is already canceled or past placement; it cannot be canceled)",
  cutoff_passed:
    "本批次已截单，订单已交给农户备货，不能再取消。如有问题请联系自提点。(the order cutoff for this cycle has passed; the order can no longer be canceled)",
} as const

export type CancelOutcome = { id: string; canceled: boolean; status: string | null }

export type CancelCompensation = {
  id: string
  batch_id: string
  perishability: string
  code_hash: string | null
} | null

/**
 * placed → canceled while the cycle's resident cutoff is ahead: the batch
 * place is given back and the pickup code stops working. The conditional
 * change is the check (two cancels at once: one wins, the other is refused).
 * Compensation puts the order back in its place with its code.
 *
 * `by: "admin"`: Medusa already canceled the order (an operator in Medusa
 * Admin). The cutoff does not apply, and an assignment that is not `placed`
 * is not an error: already canceled (the resident's cancel got there first)
 * changes nothing; ready / collected / uncollected are left alone and logged.
 */
export const cancelPickupAssignmentStepId = "cancel-pickup-assignment"

export const cancelPickupAssignmentStep = createStep(
  cancelPickupAssignmentStepId,
  async (input: { assignment_id: string; now?: Date; by?: "resident" | "admin"; order_id?: string }, { container }) => {
    const admin = input.by === "admin"
    const result = await pickupService(container).cancelPlacedAssignment(
      input.assignment_id,
      input.now ? new Date(input.now) : nowOf(container),
      {
        ignoreCutoff: admin,
      }
    )
    if (!result.ok) {
      if (!admin) {
        // The reason travels as the error code, for the route's 409 and for clients.
        throw new MedusaError(MedusaError.Types.CONFLICT, REFUSALS[result.reason], result.reason)
      }
      if (result.status !== "canceled") {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(
            `[pickup] order ${input.order_id ?? "?"} was canceled in Medusa Admin while its pickup assignment ` +
              `${input.assignment_id} is ${result.status ?? result.reason}: pickup side left as it is`
          )
      }
      return new StepResponse<CancelOutcome, CancelCompensation>(
        { id: input.assignment_id, canceled: false, status: result.status },
        null
      )
    }
    return new StepResponse<CancelOutcome, CancelCompensation>(
      { id: result.id, canceled: true, status: "canceled" },
      result
    )
  },
  async (comp, { container }) => {
    if (comp) await pickupService(container).uncancelAssignment(comp)
  }
)
