import { model } from "@medusajs/framework/utils"
import PickupBatch from "./pickup-batch"
import PickupStaffPoint from "./pickup-staff-point"
import PropertyOffice from "./property-office"

/**
 * A counter or storeroom of a property office where orders wait for their
 * residents. Capacity is counted in orders per batch (one batch = one order
 * cycle at this point), separately for chilled and ambient storage.
 */
const PickupPoint = model
  .define("pickup_point", {
    id: model.id({ prefix: "ppt" }).primaryKey(),
    code: model.text(),
    name: model.text(),
    office: model.belongsTo(() => PropertyOffice, { mappedBy: "points" }),
    capacity_chilled: model.number(),
    capacity_ambient: model.number(),
    hold_hours_chilled: model.number().default(24),
    hold_hours_ambient: model.number().default(72),
    /** How long before the hold expires the resident is reminded. */
    reminder_hours_before: model.number().default(4),
    uncollected_policy: model.enum(["donate", "dispose", "sell_off"]).default("donate"),
    is_active: model.boolean().default(true),
    batches: model.hasMany(() => PickupBatch, { mappedBy: "point" }),
    staff_links: model.hasMany(() => PickupStaffPoint, { mappedBy: "point" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["code"], unique: true, where: "deleted_at IS NULL" }])
  .checks([
    {
      name: "pickup_point_capacity_non_negative",
      expression: (c) => `${c.capacity_chilled} >= 0 AND ${c.capacity_ambient} >= 0`,
    },
    {
      name: "pickup_point_hold_positive",
      expression: (c) =>
        `${c.hold_hours_chilled} > 0 AND ${c.hold_hours_ambient} > 0 AND ${c.reminder_hours_before} >= 0`,
    },
  ])

export default PickupPoint
