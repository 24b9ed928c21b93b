import { model } from "@medusajs/framework/utils"
import PickupBatch from "./pickup-batch"

/**
 * One round of ordering and collecting, the same for every point. Instants are
 * stored as timestamps (UTC); the rhythm's wall-clock times are Asia/Shanghai.
 * producer_cutoff_at ≤ resident_cutoff_at < pickup_starts_at < pickup_ends_at.
 */
const OrderCycle = model
  .define("order_cycle", {
    id: model.id({ prefix: "pcyc" }).primaryKey(),
    name: model.text(),
    rhythm: model.enum(["daily", "weekly", "special"]),
    producer_cutoff_at: model.dateTime(),
    resident_cutoff_at: model.dateTime(),
    pickup_starts_at: model.dateTime(),
    pickup_ends_at: model.dateTime(),
    canceled_at: model.dateTime().nullable(),
    batches: model.hasMany(() => PickupBatch, { mappedBy: "cycle" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["resident_cutoff_at"] }])
  .checks([
    {
      name: "order_cycle_times_ordered",
      expression: (c) =>
        `${c.producer_cutoff_at} <= ${c.resident_cutoff_at} AND ${c.resident_cutoff_at} < ${c.pickup_starts_at} AND ${c.pickup_starts_at} < ${c.pickup_ends_at}`,
    },
  ])

export default OrderCycle
