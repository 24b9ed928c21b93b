import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { currentHarvestBatch } from "../../../utils/harvest-trace"
import { HARVEST_STATUSES } from "../../pickup/steps/freeze-due-harvest-lists"
import { pickupService } from "../../pickup/steps/service"
import { listingService } from "./service"

export type AllocateHarvestBatchesInput = {
  pickup_batch_ids: string[]
  source: "harvest_freeze" | "check_in"
  now: Date
}

/**
 * Records which harvest batch fills each order line of these pickup batches
 * (decision 023): every line of a listed product that has no batch yet gets
 * its listing's current batch (the latest harvest not recalled). Lines that
 * already have one keep it, so the freeze and a later check-in of the same
 * pickup batch only add the orders placed after the freeze. Products that are
 * not listings (no harvest record) and listings whose batches are all
 * recalled get no row: no guessed batch. Compensation removes the rows it made.
 */
export const allocateHarvestBatchesStepId = "allocate-harvest-batches"

export async function allocateHarvestBatches(
  container: Pick<MedusaContainer, "resolve">,
  input: AllocateHarvestBatchesInput
): Promise<string[]> {
  if (!input.pickup_batch_ids.length) return []
  const listings = listingService(container as MedusaContainer)
  const assignments = await pickupService(container).listPickupAssignments(
    { batch_id: input.pickup_batch_ids, status: HARVEST_STATUSES },
    { take: 100_000, relations: ["lines"] }
  )
  const lines = assignments.flatMap((a) =>
    (a.lines ?? [])
      .filter((l) => l.product_id && a.order_id)
      .map((l) => ({ ...l, order_id: a.order_id as string, pickup_batch_id: a.batch_id as string }))
  )
  if (!lines.length) return []
  const already = await listings.listHarvestAllocations(
    { line_item_id: lines.map((l) => l.line_item_id) },
    { take: lines.length, select: ["id", "line_item_id"] }
  )
  const done = new Set(already.map((a) => a.line_item_id))
  const todo = lines.filter((l) => !done.has(l.line_item_id))
  if (!todo.length) return []
  const productIds = [...new Set(todo.map((l) => l.product_id as string))]
  const listed = await listings.listListings(
    { product_id: productIds },
    { take: productIds.length * 4, relations: ["harvest_batches"] }
  )
  const batchOf = new Map<string, { listing_id: string; batch_id: string }>()
  for (const listing of listed) {
    const batch = currentHarvestBatch(listing.harvest_batches ?? [])
    if (batch) batchOf.set(listing.product_id, { listing_id: listing.id, batch_id: batch.id })
  }
  const rows = todo
    .filter((l) => batchOf.has(l.product_id as string))
    .map((l) => {
      const b = batchOf.get(l.product_id as string)!
      return {
        harvest_batch_id: b.batch_id,
        listing_id: b.listing_id,
        product_id: l.product_id as string,
        order_id: l.order_id,
        line_item_id: l.line_item_id,
        pickup_batch_id: l.pickup_batch_id,
        quantity: Number(l.quantity),
        source: input.source,
        allocated_at: new Date(input.now),
      }
    })
  if (!rows.length) return []
  const created = await listings.createHarvestAllocations(rows)
  return created.map((c) => c.id)
}

export const allocateHarvestBatchesStep = createStep(
  allocateHarvestBatchesStepId,
  async (input: AllocateHarvestBatchesInput, { container }) => {
    const ids = await allocateHarvestBatches(container, input)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await listingService(container).deleteHarvestAllocations(ids)
  }
)
