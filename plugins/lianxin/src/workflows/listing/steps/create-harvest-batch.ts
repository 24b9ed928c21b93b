import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingService } from "./service"

export const createHarvestBatchStepId = "create-harvest-batch"

export type HarvestBatchInput = {
  listing_id: string
  harvested_on: string
  quantity: number
  quantity_unit: string
  certificate_no: string
  certificate_photo_url: string
}

export const createHarvestBatchStep = createStep(
  createHarvestBatchStepId,
  async (input: HarvestBatchInput, { container }) => {
    const batch = await listingService(container).createHarvestBatches(input)
    return new StepResponse(batch, batch.id)
  },
  async (id, { container }) => {
    if (id) await listingService(container).deleteHarvestBatches([id])
  }
)
