import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { type ShortageInput, recordBatchShortagesStep } from "./steps/record-batch-shortages"
import { claimBatchCheckInStep } from "./steps/claim-batch-check-in"
import { markBatchReadyStep } from "./steps/mark-batch-ready"
import { allocateHarvestBatchesStep } from "../listing/steps/allocate-harvest-batches"

export type CheckInBatchInput = { batch_id: string; staff_id: string; shortages: ShortageInput[]; now?: Date }

/**
 * Staff check the goods in against the manifest: shortages are recorded and
 * shared, every order of the batch becomes ready with its hold, and each
 * order with a shortage is queued for its automatic refund and ledger
 * reversal (pickup.shortage_recorded → settle-pickup-shortage). Lines not
 * traced at the harvest freeze get their harvest batch here.
 */
export const checkInBatchWorkflowId = "check-in-batch"

export const checkInBatchWorkflow = createWorkflow(checkInBatchWorkflowId, (input: CheckInBatchInput) => {
  const now = transform({ input }, ({ input }) => input.now ?? new Date())
  claimBatchCheckInStep({ batch_id: input.batch_id, staff_id: input.staff_id, now })
  const recorded = recordBatchShortagesStep({
    batch_id: input.batch_id,
    staff_id: input.staff_id,
    shortages: input.shortages,
  })
  const ready = markBatchReadyStep({ batch_id: input.batch_id, staff_id: input.staff_id, now })
  // Orders placed after the harvest freeze get their harvest batch now (decision 023).
  allocateHarvestBatchesStep(
    transform({ input, now }, ({ input, now }) => ({
      pickup_batch_ids: [input.batch_id],
      source: "check_in" as const,
      now,
    }))
  )
  // Runs inside the transaction: a failing handler undoes the check-in (shortages, ready orders).
  const checkedIn = createHook("checkedIn", {
    batch_id: input.batch_id,
    ready_assignment_ids: ready,
    shortages: recorded,
  })
  const shortageEvents = transform({ recorded }, ({ recorded }) =>
    [...new Set(recorded.plans.map((p) => p.assignment_id))].map((assignment_id) => ({ assignment_id }))
  )
  emitEventStep({ eventName: "pickup.shortage_recorded", data: shortageEvents }).config({
    name: "emit-shortage-recorded",
  })
  emitEventStep({ eventName: "pickup.batch_ready", data: { id: input.batch_id } }).config({ name: "emit-batch-ready" })
  return new WorkflowResponse({ ready_assignment_ids: ready, shortages: recorded }, { hooks: [checkedIn] })
})
