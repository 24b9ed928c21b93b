import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateHouseholdInput } from "../types"
import { householdService } from "./service"

export const createHouseholdsStepId = "create-households"

/** Creates households without consent: both consent flags start false until a consent record says otherwise. */
export const createHouseholdsStep = createStep(
  createHouseholdsStepId,
  async (input: CreateHouseholdInput[], { container }) => {
    const households = await householdService(container).createHouseholds(
      input.map((h) => ({ ...h, public_profile_consent: false, registry_data_consent: false }))
    )
    return new StepResponse(
      households,
      households.map((h) => h.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await householdService(container).deleteHouseholds(ids)
    }
  }
)
