import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RevealableRegistryField } from "../../../modules/household/types"
import { householdService } from "./service"

export const revealRegistryValueStepId = "reveal-registry-value"

/**
 * Decrypts one field. Read-only, so there is nothing to compensate; it must
 * stay the last step of its workflow so no later failure can make the engine
 * checkpoint its output.
 */
export const revealRegistryValueStep = createStep(
  revealRegistryValueStepId,
  async (input: { household_id: string; field: RevealableRegistryField }, { container }) => {
    const value = await householdService(container).revealRegistryValue(input.household_id, input.field)
    return new StepResponse(value)
  }
)
