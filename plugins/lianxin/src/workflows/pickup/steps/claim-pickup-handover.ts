import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"
import type { HandoverPlan } from "../types"

/** The single-use guard: a conditional UPDATE ready → collected (see the service). */
export const claimPickupHandoverStepId = "claim-pickup-handover"

export const claimPickupHandoverStep = createStep(
  claimPickupHandoverStepId,
  async (plan: HandoverPlan, { container }) => {
    const claimed = await pickupService(container).claimHandover(plan.assignment_id, new Date(plan.now))
    if (!claimed) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "这个订单刚刚已由其他工作人员交付。(already handed over)")
    }
    return new StepResponse(claimed, plan.assignment_id)
  },
  async (id, { container }) => {
    if (id) await pickupService(container).unclaimHandover(id)
  }
)
