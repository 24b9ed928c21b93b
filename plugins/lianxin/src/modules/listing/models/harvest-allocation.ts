import { model } from "@medusajs/framework/utils"
import HarvestBatch from "./harvest-batch"

/**
 * Which harvest batch filled an order line (decision 023): written once per
 * line at the harvest freeze of its pickup batch, or at check-in for orders
 * placed after the freeze. The order, line and pickup batch are ids of other
 * modules, kept as text like every cross-module id of this module.
 */
const HarvestAllocation = model
  .define("harvest_allocation", {
    id: model.id({ prefix: "hval" }).primaryKey(),
    harvest_batch: model.belongsTo(() => HarvestBatch, { mappedBy: "allocations" }),
    listing_id: model.text(),
    product_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    pickup_batch_id: model.text(),
    quantity: model.number(),
    source: model.enum(["harvest_freeze", "check_in"]),
    allocated_at: model.dateTime(),
  })
  .indexes([
    { on: ["line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"] },
    { on: ["harvest_batch_id"] },
  ])

export default HarvestAllocation
