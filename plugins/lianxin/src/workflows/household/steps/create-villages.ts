import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateVillageInput } from "../types"
import { householdService } from "./service"

export const createVillagesStepId = "create-villages"

export const createVillagesStep = createStep(
  createVillagesStepId,
  async (input: CreateVillageInput[], { container }) => {
    const villages = await householdService(container).createVillages(input)
    return new StepResponse(
      villages,
      villages.map((v) => v.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await householdService(container).deleteVillages(ids)
    }
  }
)
