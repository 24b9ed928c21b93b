import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateCooperativeInput } from "../types"
import { householdService } from "./service"

export const createCooperativesStepId = "create-cooperatives"

export const createCooperativesStep = createStep(
  createCooperativesStepId,
  async (input: CreateCooperativeInput[], { container }) => {
    const cooperatives = await householdService(container).createCooperatives(input)
    return new StepResponse(
      cooperatives,
      cooperatives.map((c) => c.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await householdService(container).deleteCooperatives(ids)
    }
  }
)
