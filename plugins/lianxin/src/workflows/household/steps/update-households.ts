import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateHouseholdInput } from "../types"
import { householdService } from "./service"

export const updateHouseholdsStepId = "update-households"

const FIELDS = ["id", "display_name", "story", "photo_url", "cooperative_id", "metadata"] as const

export const updateHouseholdsStep = createStep(
  updateHouseholdsStepId,
  async (input: UpdateHouseholdInput[], { container }) => {
    const service = householdService(container)
    const rows = await service.listHouseholds({ id: input.map((h) => h.id) }, { select: [...FIELDS] })
    const previous: UpdateHouseholdInput[] = rows.map((r) => ({
      id: r.id,
      display_name: r.display_name,
      story: r.story,
      photo_url: r.photo_url,
      cooperative_id: r.cooperative_id,
      metadata: r.metadata,
    }))
    const households = await service.updateHouseholds(input)
    return new StepResponse(households, previous)
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await householdService(container).updateHouseholds(previous)
    }
  }
)
