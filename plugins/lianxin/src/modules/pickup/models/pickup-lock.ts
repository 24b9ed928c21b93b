import { model } from "@medusajs/framework/utils"

/**
 * Failure counter per subject ("staff:<id>" or "assignment:<id>"). Updated
 * under a row lock inside the verifying transaction, so parallel guesses from
 * several servers count exactly.
 */
const PickupLock = model
  .define("pickup_lock", {
    id: model.id({ prefix: "plk" }).primaryKey(),
    subject: model.text(),
    failures: model.number().default(0),
    window_started_at: model.dateTime(),
    locked_until: model.dateTime().nullable(),
  })
  .indexes([{ on: ["subject"], unique: true, where: "deleted_at IS NULL" }])

export default PickupLock
