import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pickupService } from "./service"

/** The batch has been delivered to the point. */
export const markBatchArrivedStepId = "mark-batch-arrived"

export const markBatchArrivedStep = createStep(
  markBatchArrivedStepId,
  async (input: { batch_id: string; staff_id: string; now: Date }, { container }) => {
    const svc = pickupService(container)
    const [before] = await svc.listPickupBatches({ id: input.batch_id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `batch ${input.batch_id} was not found`)
    // A double tap (or a colleague on another device) finds the batch arrived already: nothing to do, not an error.
    if (before.status === "arrived" || before.status === "ready") {
      return new StepResponse({ id: input.batch_id, already_arrived: true }, null)
    }
    try {
      await svc.moveBatch({
        batch_id: input.batch_id,
        from: ["open", "harvest_frozen"],
        to: "arrived",
        set: { arrived_at: input.now, arrived_by: input.staff_id },
      })
    } catch (e) {
      const [now] = await svc.listPickupBatches({ id: input.batch_id }, { take: 1 })
      if (now && (now.status === "arrived" || now.status === "ready")) {
        return new StepResponse({ id: input.batch_id, already_arrived: true }, null)
      }
      throw e
    }
    return new StepResponse(
      { id: input.batch_id, already_arrived: false },
      { id: input.batch_id, status: before.status }
    )
  },
  async (comp, { container }) => {
    if (comp) {
      await pickupService(container).moveBatch({
        batch_id: comp.id,
        from: ["arrived"],
        to: comp.status,
        set: { arrived_at: null, arrived_by: null },
      })
    }
  }
)
