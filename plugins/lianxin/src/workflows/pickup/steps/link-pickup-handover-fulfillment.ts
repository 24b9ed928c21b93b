import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const linkPickupHandoverFulfillmentStepId = "link-pickup-handover-fulfillment"

export const linkPickupHandoverFulfillmentStep = createStep(
  linkPickupHandoverFulfillmentStepId,
  async (input: { handover_id: string; fulfillment_id: string }, { container }) => {
    await pickupService(container).updatePickupHandovers({
      id: input.handover_id,
      fulfillment_id: input.fulfillment_id,
    })
    return new StepResponse(input.fulfillment_id, input.handover_id)
  },
  async (id, { container }) => {
    if (id) await pickupService(container).updatePickupHandovers({ id, fulfillment_id: null })
  }
)
