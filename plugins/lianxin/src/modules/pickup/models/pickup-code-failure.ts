import { model } from "@medusajs/framework/utils"

/** Every failed code or token check, kept for audit (never the code tried). */
const PickupCodeFailure = model
  .define("pickup_code_failure", {
    id: model.id({ prefix: "pcf" }).primaryKey(),
    staff_id: model.text(),
    pickup_point_id: model.text(),
    assignment_id: model.text().nullable(),
    reason: model.enum(["wrong_code", "bad_token", "locked"]),
    occurred_at: model.dateTime(),
  })
  .indexes([{ on: ["staff_id", "occurred_at"] }, { on: ["assignment_id", "occurred_at"] }])

export default PickupCodeFailure
