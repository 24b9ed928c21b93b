import { model } from "@medusajs/framework/utils"
import HarvestAllocation from "./harvest-allocation"
import Listing from "./listing"

/**
 * One harvest behind a listing: when, how much, and its 合格证 (certificate of
 * conformity). A recalled batch (recalled_at set, once) fills no further order
 * line; the lines it already filled are its allocations (decision 023).
 */
const HarvestBatch = model.define("harvest_batch", {
  id: model.id({ prefix: "hvb" }).primaryKey(),
  harvested_on: model.text(),
  quantity: model.float(),
  quantity_unit: model.text(),
  certificate_no: model.text(),
  certificate_photo_url: model.text(),
  recalled_at: model.dateTime().nullable(),
  recalled_by: model.text().nullable(),
  recall_reason: model.text().nullable(),
  listing: model.belongsTo(() => Listing, { mappedBy: "harvest_batches" }),
  allocations: model.hasMany(() => HarvestAllocation, { mappedBy: "harvest_batch" }),
})

export default HarvestBatch
