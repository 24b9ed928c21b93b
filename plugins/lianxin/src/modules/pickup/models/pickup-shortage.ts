import { model } from "@medusajs/framework/utils"
import PickupBatch from "./pickup-batch"

/** A variant that arrived short at check-in, and how the missing units were shared. */
const PickupShortage = model.define("pickup_shortage", {
  id: model.id({ prefix: "psho" }).primaryKey(),
  batch: model.belongsTo(() => PickupBatch, { mappedBy: "shortages" }),
  variant_id: model.text(),
  missing_quantity: model.number(),
  recorded_by: model.text(),
  /** [{ line_item_id, order_id, short_quantity }] as allocated. */
  allocations: model.json(),
  note: model.text().nullable(),
})

export default PickupShortage
