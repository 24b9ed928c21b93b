import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"
import type { SettlementPlan } from "../types"

/** Takes the unsettled short quantities so a concurrent or repeated run settles nothing twice. */
export const claimShortageSettlementStepId = "claim-shortage-settlement"

export const claimShortageSettlementStep = createStep(
  claimShortageSettlementStepId,
  async (plan: SettlementPlan, { container }) => {
    if (!plan.claims.length) return new StepResponse([] as string[], [] as SettlementPlan["claims"])
    const claimed = await pickupService(container).claimShortageSettlement(plan.claims)
    if (claimed.length !== plan.claims.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `shortage of pickup ${plan.assignment_id} is being settled already`
      )
    }
    return new StepResponse(
      claimed,
      plan.claims.filter((c) => claimed.includes(c.id))
    )
  },
  async (claims, { container }) => {
    if (claims?.length) {
      await pickupService(container).updatePickupLines(
        claims.map((c) => ({ id: c.id, settled_short_quantity: c.from }))
      )
    }
  }
)
