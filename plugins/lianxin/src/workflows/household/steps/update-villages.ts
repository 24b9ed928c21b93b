import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateVillageInput } from "../types"
import { householdService } from "./service"

export const updateVillagesStepId = "update-villages"

const FIELDS = ["id", "name", "township", "county", "province", "metadata"] as const

export const updateVillagesStep = createStep(
  updateVillagesStepId,
  async (input: UpdateVillageInput[], { container }) => {
    const service = householdService(container)
    const rows = await service.listVillages({ id: input.map((v) => v.id) }, { select: [...FIELDS] })
    const previous: UpdateVillageInput[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      township: r.township,
      county: r.county,
      province: r.province,
      metadata: r.metadata,
    }))
    const villages = await service.updateVillages(input)
    return new StepResponse(villages, previous)
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await householdService(container).updateVillages(previous)
    }
  }
)
