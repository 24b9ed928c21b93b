import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCycleTimes } from "../../../utils/pickup-cycle"
import { pickupService } from "./service"

export const validateOrderCycleTimesStepId = "validate-order-cycle-times"

export const validateOrderCycleTimesStep = createStep(
  validateOrderCycleTimesStepId,
  async (input: { id?: string; cycles: Array<Record<string, unknown>> }, { container }) => {
    let current: Record<string, unknown> = {}
    if (input.id) {
      const [cycle] = await pickupService(container).listOrderCycles({ id: input.id }, { take: 1 })
      if (!cycle) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order cycle ${input.id} was not found`)
      current = cycle as unknown as Record<string, unknown>
    }
    for (const c of input.cycles) {
      const merged = { ...current, ...c }
      try {
        assertCycleTimes({
          producer_cutoff_at: new Date(merged.producer_cutoff_at as string),
          resident_cutoff_at: new Date(merged.resident_cutoff_at as string),
          pickup_starts_at: new Date(merged.pickup_starts_at as string),
          pickup_ends_at: new Date(merged.pickup_ends_at as string),
        })
      } catch (e) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, (e as Error).message)
      }
    }
    return new StepResponse(true)
  }
)
