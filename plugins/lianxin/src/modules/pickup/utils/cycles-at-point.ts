import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { CycleAtPointRow, CyclesAtPointInput, PointCapacity } from "../types"

/**
 * The cycles of one point as the ordering rule needs them (utils/order-rule):
 * each cycle with this point's batch (null until the first reservation) and
 * the point's capacity. Without `cycle_id`: the cycles not canceled whose
 * resident cutoff is after `now`, nearest cutoff first. With it: that one
 * cycle whatever its state (to say why it refuses). `point` is null when the
 * point or its office is unknown or inactive. A function of the manager, so
 * the reservation reads it inside the transaction that holds the batch.
 */
export async function cyclesAtPointWith(
  manager: SqlEntityManager,
  input: CyclesAtPointInput
): Promise<{ point: PointCapacity | null; cycles: CycleAtPointRow[] }> {
  const [p] = await manager.execute(
    `SELECT p.id, p.office_id, p.capacity_chilled, p.capacity_ambient
       FROM pickup_point p JOIN property_office o ON o.id = p.office_id
      WHERE p.id = ? AND p.deleted_at IS NULL AND p.is_active = true AND o.deleted_at IS NULL AND o.is_active = true`,
    [input.point_id]
  )
  if (!p) return { point: null, cycles: [] }
  const point: PointCapacity = {
    id: p.id,
    office_id: p.office_id,
    capacity_chilled: Number(p.capacity_chilled),
    capacity_ambient: Number(p.capacity_ambient),
  }
  const where = input.cycle_id ? "c.id = ?" : "c.canceled_at IS NULL AND c.resident_cutoff_at > ?"
  const rows = await manager.execute(
    `SELECT c.id, c.name, c.rhythm, c.producer_cutoff_at, c.resident_cutoff_at, c.pickup_starts_at, c.pickup_ends_at,
            c.canceled_at, b.id AS batch_id, b.status AS batch_status, b.reserved_chilled, b.reserved_ambient
       FROM order_cycle c
       LEFT JOIN pickup_batch b ON b.cycle_id = c.id AND b.point_id = ? AND b.deleted_at IS NULL
      WHERE c.deleted_at IS NULL AND ${where}
      ORDER BY c.resident_cutoff_at ASC, c.id ASC
      LIMIT ?`,
    [input.point_id, input.cycle_id ?? new Date(input.now), input.limit ?? 50]
  )
  const cycles = rows.map(
    (r: any): CycleAtPointRow => ({
      cycle: {
        id: r.id,
        name: r.name,
        rhythm: r.rhythm,
        producer_cutoff_at: new Date(r.producer_cutoff_at),
        resident_cutoff_at: new Date(r.resident_cutoff_at),
        pickup_starts_at: new Date(r.pickup_starts_at),
        pickup_ends_at: new Date(r.pickup_ends_at),
        canceled_at: r.canceled_at ? new Date(r.canceled_at) : null,
      },
      batch: r.batch_id
        ? {
            id: r.batch_id,
            status: r.batch_status,
            reserved_chilled: Number(r.reserved_chilled),
            reserved_ambient: Number(r.reserved_ambient),
          }
        : null,
      point,
    })
  )
  return { point, cycles }
}
