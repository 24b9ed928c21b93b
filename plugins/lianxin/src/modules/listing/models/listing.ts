import { model } from "@medusajs/framework/utils"
import HarvestBatch from "./harvest-batch"

/**
 * A product listed by property staff on behalf of a household. The Medusa
 * product stays `draft` until a platform operator approves the listing.
 * `household_id`, `property_office_id` and `product_id` are copies of what
 * src/links records, kept here so staff lists filter by office in one query.
 */
const Listing = model
  .define("listing", {
    id: model.id({ prefix: "lst" }).primaryKey(),
    status: model.enum(["pending_review", "approved", "rejected"]).default("pending_review"),
    household_id: model.text(),
    property_office_id: model.text(),
    product_id: model.text(),
    submitted_by: model.text(),
    title: model.text(),
    price_fen: model.number(),
    unit_label: model.text(),
    weight_g: model.number().nullable(),
    stock: model.number(),
    perishability: model.enum(["chilled", "ambient"]),
    image_urls: model.json(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    reject_reason: model.text().nullable(),
    idempotency_key: model.text(),
    harvest_batches: model.hasMany(() => HarvestBatch, { mappedBy: "listing" }),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["property_office_id", "status"] }, { on: ["status"] }])
  .cascades({ delete: ["harvest_batches"] })

export default Listing
