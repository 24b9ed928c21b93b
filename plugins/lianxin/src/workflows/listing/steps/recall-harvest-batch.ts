import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { currentHarvestBatch } from "../../../utils/harvest-trace"
import { listingService } from "./service"

export type MarkHarvestBatchRecalledInput = { harvest_batch_id: string; reason: string; recalled_by: string; now: Date }
export type MarkedRecall = {
  harvest_batch_id: string
  listing_id: string
  product_id: string
  /** The batch was recalled before this call: nothing is changed, nobody is told twice. */
  already_recalled: boolean
  /** No batch of the listing is left to sell from: its product is withdrawn from sale. */
  withdraw: boolean
}

/**
 * Marks a harvest batch recalled, once (a repeat changes nothing and says so).
 * Compensation clears the mark it set.
 */
export const markHarvestBatchRecalledStep = createStep(
  "mark-harvest-batch-recalled",
  async (input: MarkHarvestBatchRecalledInput, { container }) => {
    const svc = listingService(container)
    const [batch] = await svc.listHarvestBatches({ id: input.harvest_batch_id }, { take: 1, relations: ["listing"] })
    if (!batch) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `harvest batch ${input.harvest_batch_id} was not found`)
    }
    const listing = batch.listing
    const siblings = await svc.listHarvestBatches({ listing_id: listing.id }, { take: 1000 })
    const already = Boolean(batch.recalled_at)
    if (!already) {
      await svc.updateHarvestBatches({
        id: batch.id,
        recalled_at: new Date(input.now),
        recalled_by: input.recalled_by,
        recall_reason: input.reason,
      })
    }
    const remaining = currentHarvestBatch(
      siblings.map((b) => (b.id === batch.id ? { ...b, recalled_at: b.recalled_at ?? new Date(input.now) } : b))
    )
    const result: MarkedRecall = {
      harvest_batch_id: batch.id,
      listing_id: listing.id,
      product_id: listing.product_id,
      already_recalled: already,
      withdraw: !already && !remaining,
    }
    return new StepResponse(result, already ? null : batch.id)
  },
  async (batchId, { container }) => {
    if (batchId) {
      await listingService(container).updateHarvestBatches({
        id: batchId,
        recalled_at: null,
        recalled_by: null,
        recall_reason: null,
      })
    }
  }
)

type LevelBefore = { id: string; inventory_item_id: string; location_id: string; stocked_quantity: number }

/**
 * Takes what is left of a withdrawn product off the shelf: each inventory
 * level of its variants keeps only what is reserved for orders already
 * placed, so nothing more can be reserved (checkout refuses it as sold out,
 * also for a cart that held it before the recall). Compensation puts the
 * stocked quantities back.
 */
export const withdrawProductStockStep = createStep(
  "withdraw-product-stock",
  async (input: { product_id: string }, { container }) => {
    const query = (container as MedusaContainer).resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "variants.id", "variants.inventory_items.inventory_item_id"],
      filters: { id: input.product_id },
    })
    // The fields asked for above (the plugin has no generated query types).
    const [product] = data as Array<{
      id: string
      variants?: Array<{ id: string; inventory_items?: Array<{ inventory_item_id: string }> | null }> | null
    }>
    const itemIds = [
      ...new Set((product?.variants ?? []).flatMap((v) => (v.inventory_items ?? []).map((i) => i.inventory_item_id))),
    ]
    if (!itemIds.length) return new StepResponse([] as LevelBefore[], [] as LevelBefore[])
    const inventory = (container as MedusaContainer).resolve(Modules.INVENTORY)
    const levels = await inventory.listInventoryLevels({ inventory_item_id: itemIds }, { take: 1000 })
    const before: LevelBefore[] = []
    const updates: Array<{ inventory_item_id: string; location_id: string; stocked_quantity: number }> = []
    for (const level of levels) {
      const stocked = Number(level.stocked_quantity)
      const reserved = Number(level.reserved_quantity)
      if (stocked <= reserved) continue
      before.push({
        id: level.id,
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
        stocked_quantity: stocked,
      })
      updates.push({
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
        stocked_quantity: reserved,
      })
    }
    if (updates.length) await inventory.updateInventoryLevels(updates)
    return new StepResponse(before, before)
  },
  async (before, { container }) => {
    if (!before?.length) return
    await (container as MedusaContainer).resolve(Modules.INVENTORY).updateInventoryLevels(
      before.map((b) => ({
        inventory_item_id: b.inventory_item_id,
        location_id: b.location_id,
        stocked_quantity: b.stocked_quantity,
      }))
    )
  }
)
