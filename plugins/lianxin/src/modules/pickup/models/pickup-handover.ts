import { model } from "@medusajs/framework/utils"
import PickupAssignment from "./pickup-assignment"

/** The log of a handover at the counter: who, when, how it was proven, which lines. */
const PickupHandover = model.define("pickup_handover", {
  id: model.id({ prefix: "phnd" }).primaryKey(),
  assignment: model.belongsTo(() => PickupAssignment, { mappedBy: "handovers" }),
  staff_id: model.text(),
  kind: model.enum(["full", "partial"]),
  method: model.enum(["code", "qr"]),
  proxy: model.boolean().default(false),
  proxy_name: model.text().nullable(),
  /** [{ line_item_id, quantity, declined_quantity, damaged_quantity }] */
  lines: model.json(),
  amount_to_collect_fen: model.number().default(0),
  /** Captured through Medusa at the counter (pay at pickup), integer fen. */
  captured_fen: model.number().default(0),
  payment_capture_id: model.text().nullable(),
  /** The Medusa fulfillment of the handed-over items, marked delivered. */
  fulfillment_id: model.text().nullable(),
  handed_over_at: model.dateTime(),
})

export default PickupHandover
