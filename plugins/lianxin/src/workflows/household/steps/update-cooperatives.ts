import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateCooperativeInput } from "../types"
import { householdService } from "./service"

export const updateCooperativesStepId = "update-cooperatives"

const FIELDS = ["id", "name", "village_id", "contact_name", "contact_phone", "metadata"] as const

export const updateCooperativesStep = createStep(
  updateCooperativesStepId,
  async (input: UpdateCooperativeInput[], { container }) => {
    const service = householdService(container)
    const rows = await service.listCooperatives({ id: input.map((c) => c.id) }, { select: [...FIELDS] })
    const previous: UpdateCooperativeInput[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      village_id: r.village_id,
      contact_name: r.contact_name,
      contact_phone: r.contact_phone,
      metadata: r.metadata,
    }))
    const cooperatives = await service.updateCooperatives(input)
    return new StepResponse(cooperatives, previous)
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await householdService(container).updateCooperatives(previous)
    }
  }
)
