import { model } from "@medusajs/framework/utils"

/** A message owed to a resident (reminder, uncollected), recorded once per kind and order. */
const PickupNotification = model
  .define("pickup_notification", {
    id: model.id({ prefix: "pntf" }).primaryKey(),
    assignment_id: model.text(),
    order_id: model.text(),
    kind: model.enum(["hold_expiry_reminder", "uncollected"]),
    payload: model.json().nullable(),
  })
  .indexes([{ on: ["assignment_id", "kind"], unique: true, where: "deleted_at IS NULL" }])

export default PickupNotification
