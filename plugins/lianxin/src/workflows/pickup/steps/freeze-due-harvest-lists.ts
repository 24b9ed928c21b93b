import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { HarvestSnapshot } from "../../../utils/pickup-counter"
import { harvestRowsOf } from "./harvest"
import { pickupService, type Query } from "./service"

/**
 * Freezes every open batch whose producer cutoff has passed: the harvest
 * list of the orders placed so far is stored on the batch and the batch
 * becomes harvest_frozen. Each batch is frozen by a conditional UPDATE
 * (status = 'open'), so several servers running the job at once freeze each
 * batch once; a rerun finds nothing open and freezes nothing.
 */
export const freezeDueHarvestListsStepId = "freeze-due-harvest-lists"

export const freezeDueHarvestListsStep = createStep(
  freezeDueHarvestListsStepId,
  async (input: { now: Date }, { container }) => {
    const svc = pickupService(container)
    const query: Query = container.resolve(ContainerRegistrationKeys.QUERY)
    const now = new Date(input.now)
    const frozen: string[] = []
    for (const batchId of await svc.batchesDueForFreeze(now)) {
      const assignments = await svc.listPickupAssignments(
        { batch_id: batchId, status: HARVEST_STATUSES },
        { take: 10_000, relations: ["lines"], order: { bag_number: "ASC" } }
      )
      const snapshot: HarvestSnapshot = {
        frozen_at: now.toISOString(),
        assignment_ids: assignments.map((a) => a.id),
        // With the producers' public codes and names, so the frozen list prints as it was.
        rows: await harvestRowsOf(query, assignments),
      }
      if (await svc.freezeBatch({ batch_id: batchId, now, snapshot })) frozen.push(batchId)
    }
    return new StepResponse(frozen, frozen)
  },
  async (frozen, { container }) => {
    if (frozen?.length) await pickupService(container).unfreezeBatches(frozen)
  }
)

/** Orders that count for the harvest list of a batch. */
export const HARVEST_STATUSES = ["placed", "ready", "collected", "uncollected"]
