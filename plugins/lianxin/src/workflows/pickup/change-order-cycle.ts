import {
  createHook,
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { pickupService } from "./steps/service"
import { updateOrderCycleStep } from "./steps/update-order-cycle"
import { validateOrderCycleTimesStep } from "./steps/validate-order-cycle-times"

export const changeOrderCycleWorkflowId = "change-order-cycle"

export type ChangeOrderCycleInput = {
  id: string
  /** close: ordering ends now; extend: new cutoff (and pickup times) later than today's. */
  action: "close" | "extend"
  data: {
    producer_cutoff_at?: Date | string
    resident_cutoff_at?: Date | string
    pickup_starts_at?: Date | string
    pickup_ends_at?: Date | string
  }
  /** Why, in the operator's words; it goes into the residents' notice. */
  reason?: string | null
  now?: Date | string
}

/**
 * Business rules of a change: a canceled cycle cannot change; closing needs a cutoff still ahead; extending must
 * move the resident cutoff later. Returns the fields to write.
 */
const planOrderCycleChangeStep = createStep(
  "plan-order-cycle-change",
  async (input: ChangeOrderCycleInput, { container }) => {
    const [cycle] = await pickupService(container).listOrderCycles({ id: input.id }, { take: 1 })
    if (!cycle) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order cycle ${input.id} was not found`)
    if (cycle.canceled_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "the cycle is canceled")
    const now = input.now ? new Date(input.now) : new Date()
    const cutoff = new Date(cycle.resident_cutoff_at)
    if (input.action === "close") {
      if (cutoff <= now)
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "ordering for this cycle has already closed")
      const producer = new Date(cycle.producer_cutoff_at)
      return new StepResponse({
        resident_cutoff_at: now,
        producer_cutoff_at: producer < now ? producer : now,
      } as Record<string, unknown>)
    }
    // Workflow input arrives serialized: instants are ISO strings here.
    const next = input.data.resident_cutoff_at ? new Date(input.data.resident_cutoff_at) : null
    if (!next || next <= cutoff) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "resident_cutoff_at: must be later than the cycle's current resident cutoff"
      )
    }
    if (next <= now) throw new MedusaError(MedusaError.Types.INVALID_DATA, "resident_cutoff_at: must be in the future")
    return new StepResponse(
      Object.fromEntries(Object.entries(input.data).filter(([, v]) => v !== undefined)) as Record<string, unknown>
    )
  }
)

/**
 * An operator closes ordering for a cycle now or extends it (docs/admin.md). The change is validated (times in
 * order), written (compensation: the previous times back) and `pickup.cycle_changed` is emitted once the workflow
 * has succeeded: the notify subscriber sends every resident with an order in the cycle a notice (cycle_changed).
 */
export const changeOrderCycleWorkflow = createWorkflow(changeOrderCycleWorkflowId, (input: ChangeOrderCycleInput) => {
  const data = planOrderCycleChangeStep(input)
  const cycles = transform({ data }, ({ data }) => [data])
  validateOrderCycleTimesStep({ id: input.id, cycles })
  const updated = updateOrderCycleStep({ id: input.id, data })
  const event = transform({ input, updated }, ({ input, updated }) => ({
    id: input.id,
    action: input.action,
    reason: input.reason ?? null,
    at: new Date(updated.updated_at ?? Date.now()).toISOString(),
  }))
  // After the write, before the notice: a failing handler rolls the change back and nobody is told.
  const cycleChanged = createHook("cycleChanged", { id: input.id, action: input.action })
  emitEventStep({ eventName: "pickup.cycle_changed", data: event })
  return new WorkflowResponse(updated, { hooks: [cycleChanged] })
})
