import { model } from "@medusajs/framework/utils"
import PickupBatch from "./pickup-batch"
import PickupHandover from "./pickup-handover"
import PickupLine from "./pickup-line"

/**
 * One order's place in one batch: the decision taken at checkout (reserved
 * for the cart, then placed with the order id) and everything after it.
 * The pickup code exists only as an HMAC (code_hash); status transitions that
 * must happen once (handover, expiry) are conditional UPDATEs on status.
 */
const PickupAssignment = model
  .define("pickup_assignment", {
    id: model.id({ prefix: "pasg" }).primaryKey(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    batch: model.belongsTo(() => PickupBatch, { mappedBy: "assignments" }),
    pickup_point_id: model.text(),
    order_cycle_id: model.text(),
    property_office_id: model.text(),
    customer_id: model.text().nullable(),
    status: model.enum(["reserved", "placed", "ready", "collected", "uncollected", "canceled"]).default("reserved"),
    perishability: model.enum(["chilled", "ambient"]),
    bag_number: model.number(),
    resident_name_masked: model.text().nullable(),
    phone_last4: model.text().nullable(),
    code_hash: model.text().nullable(),
    code_version: model.number().default(0),
    code_issued_at: model.dateTime().nullable(),
    /** The current code sealed under the pickup key (decision 014), read only by the message that carries it. */
    code_sealed: model.text().nullable(),
    /** When the current code was first shown to the resident; null = issued at placement, not yet shown. */
    code_shown_at: model.dateTime().nullable(),
    /** What the order totals, integer fen, at placement. */
    order_total_fen: model.number().default(0),
    /** Refunded to the payment because of shortages. */
    refunded_fen: model.number().default(0),
    /** Taken off what is still to be collected at the counter (pay-at-pickup). */
    collect_reduction_fen: model.number().default(0),
    ready_at: model.dateTime().nullable(),
    hold_expires_at: model.dateTime().nullable(),
    reminder_sent_at: model.dateTime().nullable(),
    collected_at: model.dateTime().nullable(),
    uncollected_at: model.dateTime().nullable(),
    disposition: model.enum(["donate", "dispose", "sell_off"]).nullable(),
    /** What staff actually did with an uncollected order (once; see the disposal route). */
    disposal_policy: model.enum(["donate", "dispose", "sell_off"]).nullable(),
    disposal_note: model.text().nullable(),
    disposed_by: model.text().nullable(),
    disposed_at: model.dateTime().nullable(),
    lines: model.hasMany(() => PickupLine, { mappedBy: "assignment" }),
    handovers: model.hasMany(() => PickupHandover, { mappedBy: "assignment" }),
  })
  .indexes([
    { on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    // A code identifies at most one live order at its point.
    {
      on: ["pickup_point_id", "code_hash"],
      unique: true,
      where: "deleted_at IS NULL AND code_hash IS NOT NULL AND status IN ('reserved', 'placed', 'ready')",
    },
    { on: ["status", "hold_expires_at"] },
    { on: ["pickup_point_id", "order_cycle_id"] },
  ])
  .cascades({ delete: ["lines"] })

export default PickupAssignment
