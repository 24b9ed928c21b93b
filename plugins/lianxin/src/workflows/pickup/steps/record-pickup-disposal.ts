import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"
import type { DisposeUncollectedInput } from "../types"

/**
 * Records what staff did with an uncollected order, once. A repeat with the
 * same policy and note (a double tap) changes nothing and answers with the
 * disposal on record (`created: false`); a different one is a conflict.
 */
export const recordPickupDisposalStepId = "record-pickup-disposal"

export const recordPickupDisposalStep = createStep(
  recordPickupDisposalStepId,
  async (input: DisposeUncollectedInput, { container }) => {
    const svc = pickupService(container)
    const note = input.note ?? null
    const recorded = await svc.recordDisposal({
      assignment_id: input.assignment_id,
      policy: input.policy,
      note,
      staff_id: input.staff_id,
      now: input.now ?? new Date(),
    })
    if (recorded) return new StepResponse({ created: true }, input.assignment_id)
    const [a] = await svc.listPickupAssignments({ id: input.assignment_id }, { take: 1 })
    if (!a) throw new MedusaError(MedusaError.Types.NOT_FOUND, `pickup ${input.assignment_id} was not found`)
    if (a.disposed_at) {
      if (a.disposal_policy === input.policy && (a.disposal_note ?? null) === note) {
        return new StepResponse({ created: false }, null)
      }
      throw new MedusaError(MedusaError.Types.CONFLICT, "already disposed (这个订单已经处理过了)")
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `只有未取的订单才能处理（当前状态：${a.status}）。(only uncollected orders can be disposed of)`
    )
  },
  async (id, { container }) => {
    if (id) await pickupService(container).clearDisposal(id)
  }
)
