import { model } from "@medusajs/framework/utils"

/**
 * A household registered by property staff: who, through which office, under
 * which idempotency key (a second tap with the same key returns this row's
 * household instead of a second household).
 */
const OfficeRegistration = model
  .define("office_registration", {
    id: model.id({ prefix: "offreg" }).primaryKey(),
    idempotency_key: model.text(),
    household_id: model.text(),
    property_office_id: model.text(),
    staff_id: model.text(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["household_id"] }])

export default OfficeRegistration
