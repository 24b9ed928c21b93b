import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

export const createOrderCyclesStepId = "create-order-cycles"

/** Creates order cycles; compensation deletes them. */
export const createOrderCyclesStep = createStep(
  createOrderCyclesStepId,
  async (input: Record<string, unknown>[], { container }) => {
    const created = await pickupService(container).createOrderCycles(input)
    return new StepResponse(
      created,
      created.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deleteOrderCycles(ids)
  }
)
