import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { freezeDueHarvestListsStep } from "./steps/freeze-due-harvest-lists"
import { allocateHarvestBatchesStep } from "../listing/steps/allocate-harvest-batches"

export const freezeHarvestListsWorkflowId = "freeze-harvest-lists"

export const freezeHarvestListsWorkflow = createWorkflow(freezeHarvestListsWorkflowId, (input: { now?: Date }) => {
  const now = transform({ input }, ({ input }) => input.now ?? new Date())
  const frozen = freezeDueHarvestListsStep({ now })
  // The frozen orders' lines get the harvest batch that fills them (decision 023).
  allocateHarvestBatchesStep(
    transform({ frozen, now }, ({ frozen, now }) => ({
      pickup_batch_ids: frozen,
      source: "harvest_freeze" as const,
      now,
    }))
  )
  emitEventStep({
    eventName: "pickup.harvest_frozen",
    data: transform({ frozen }, ({ frozen }) => frozen.map((id) => ({ id }))),
  })
  return new WorkflowResponse({ frozen_batch_ids: frozen })
})
