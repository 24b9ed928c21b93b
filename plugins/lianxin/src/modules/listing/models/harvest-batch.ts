import { model } from "@medusajs/framework/utils"
import Listing from "./listing"

/** One harvest behind a listing: when, how much, and its 合格证 (certificate of conformity). */
const HarvestBatch = model.define("harvest_batch", {
  id: model.id({ prefix: "hvb" }).primaryKey(),
  harvested_on: model.text(),
  quantity: model.float(),
  quantity_unit: model.text(),
  certificate_no: model.text(),
  certificate_photo_url: model.text(),
  listing: model.belongsTo(() => Listing, { mappedBy: "harvest_batches" }),
})

export default HarvestBatch
