import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../../utils/clock"
import { plannedDailyCycles } from "../../../utils/pickup-rolling-cycles"
import { pickupService } from "./service"

/**
 * Creates the daily cycles that should be open and are not there yet
 * (matched by their `metadata.key`, serialized in the service so two runs at
 * once create each cycle once). Compensation deletes what it created.
 */
export const createMissingDailyCyclesStepId = "create-missing-daily-cycles"

export const createMissingDailyCyclesStep = createStep(
  createMissingDailyCyclesStepId,
  async (input: { now?: Date | string; days?: number }, { container }) => {
    const now = input.now ? new Date(input.now) : nowOf(container)
    const planned = plannedDailyCycles(now, input.days ?? 3)
    const created = await pickupService(container).createMissingKeyedCycles(planned)
    return new StepResponse(
      created,
      created.map((c) => c.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deleteOrderCycles(ids)
  }
)
