import { model } from "@medusajs/framework/utils"
import PickupAssignment from "./pickup-assignment"

/** An order line as the point sees it: ordered, short, refunded and handed over. */
const PickupLine = model
  .define("pickup_line", {
    id: model.id({ prefix: "plin" }).primaryKey(),
    assignment: model.belongsTo(() => PickupAssignment, { mappedBy: "lines" }),
    line_item_id: model.text(),
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    title: model.text(),
    quantity: model.number(),
    /** What the resident paid for the line, integer fen. */
    amount_fen: model.number(),
    short_quantity: model.number().default(0),
    /** How much of short_quantity has been refunded / reversed already. */
    settled_short_quantity: model.number().default(0),
    refund_fen: model.number().default(0),
    handed_over_quantity: model.number().default(0),
    /** Units the resident declined at the counter (not collected, not refunded, share still earned). */
    declined_quantity: model.number().default(0),
    /** Units refused at the counter as damaged; also counted in short_quantity (settled like a shortage). */
    damaged_quantity: model.number().default(0),
  })
  .indexes([
    { on: ["assignment_id", "line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["variant_id"] },
  ])
  .checks([
    {
      name: "pickup_line_quantities",
      expression: (c) =>
        `${c.short_quantity} >= 0 AND ${c.short_quantity} <= ${c.quantity} AND ${c.settled_short_quantity} <= ${c.short_quantity} AND ${c.handed_over_quantity} + ${c.short_quantity} <= ${c.quantity}`,
    },
  ])

export default PickupLine
