import { model } from "@medusajs/framework/utils"
import OrderCycle from "./order-cycle"
import PickupAssignment from "./pickup-assignment"
import PickupPoint from "./pickup-point"
import PickupShortage from "./pickup-shortage"

/**
 * Everything one order cycle delivers to one point. The reservation counters
 * are only changed by conditional UPDATEs (see the service), which is what
 * makes "the point is full" hold across several servers.
 */
const PickupBatch = model
  .define("pickup_batch", {
    id: model.id({ prefix: "pbat" }).primaryKey(),
    cycle: model.belongsTo(() => OrderCycle, { mappedBy: "batches" }),
    point: model.belongsTo(() => PickupPoint, { mappedBy: "batches" }),
    status: model.enum(["open", "harvest_frozen", "arrived", "ready"]).default("open"),
    reserved_chilled: model.number().default(0),
    reserved_ambient: model.number().default(0),
    /** Last bag number handed out; bag numbers are never reused within a batch. */
    last_bag_number: model.number().default(0),
    harvest_frozen_at: model.dateTime().nullable(),
    harvest_snapshot: model.json().nullable(),
    arrived_at: model.dateTime().nullable(),
    arrived_by: model.text().nullable(),
    checked_in_at: model.dateTime().nullable(),
    checked_in_by: model.text().nullable(),
    assignments: model.hasMany(() => PickupAssignment, { mappedBy: "batch" }),
    shortages: model.hasMany(() => PickupShortage, { mappedBy: "batch" }),
  })
  .indexes([{ on: ["cycle_id", "point_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([
    {
      name: "pickup_batch_reserved_non_negative",
      expression: (c) => `${c.reserved_chilled} >= 0 AND ${c.reserved_ambient} >= 0`,
    },
  ])

export default PickupBatch
