import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RevealRegistryFieldInput } from "../types"
import { householdService } from "./service"

export const createRegistryAccessLogStepId = "create-registry-access-log"

/** Writes who is about to see which field and why, before the value is decrypted. */
export const createRegistryAccessLogStep = createStep(
  createRegistryAccessLogStepId,
  async (input: RevealRegistryFieldInput, { container }) => {
    const entry = await householdService(container).createRegistryAccessLogs({
      household_id: input.household_id,
      field: input.field,
      reason: input.reason,
      actor_id: input.actor_id,
      accessed_at: new Date(),
    })
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (id) {
      await householdService(container).rollbackAppendOnly("registry_access_log", [id])
    }
  }
)
