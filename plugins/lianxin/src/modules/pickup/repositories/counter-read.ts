import type { Context } from "@medusajs/framework/types"
import type { CounterBatchesInput, CounterUncollectedInput } from "../types"
import { PickupSqlRepository } from "../utils/sql-repository"

/** Reads of the office counter (portal): batches around today, the uncollected list, staff's points. */
export class CounterReadRepository extends PickupSqlRepository {
  /**
   * Batches of a point that may matter at the counter around `now`: pickup
   * window from the start of `day_start` on and starting within 48 h, or ready.
   * With per-status order counts and the number of short lines.
   */
  async batches(input: CounterBatchesInput, context: Context = {}) {
    const rows = await this.sql(context).execute(
      `SELECT b.id, b.status, b.arrived_at, b.checked_in_at, b.harvest_frozen_at, b.reserved_chilled, b.reserved_ambient,
              c.id AS cycle_id, c.name AS cycle_name, c.rhythm, c.producer_cutoff_at, c.resident_cutoff_at,
              c.pickup_starts_at, c.pickup_ends_at,
              COUNT(a.id) FILTER (WHERE a.status = 'placed') AS placed,
              COUNT(a.id) FILTER (WHERE a.status = 'ready') AS ready,
              COUNT(a.id) FILTER (WHERE a.status = 'collected') AS collected,
              COUNT(a.id) FILTER (WHERE a.status = 'uncollected') AS uncollected,
              COUNT(a.id) FILTER (WHERE a.status = 'canceled') AS canceled,
              (SELECT COUNT(*) FROM pickup_line l JOIN pickup_assignment la ON la.id = l.assignment_id
                WHERE la.batch_id = b.id AND la.deleted_at IS NULL AND l.deleted_at IS NULL AND l.short_quantity > 0) AS short_lines
         FROM pickup_batch b
         JOIN order_cycle c ON c.id = b.cycle_id AND c.deleted_at IS NULL AND c.canceled_at IS NULL
         LEFT JOIN pickup_assignment a ON a.batch_id = b.id AND a.deleted_at IS NULL
        WHERE b.point_id = ? AND b.deleted_at IS NULL
          AND (b.status = 'ready' OR (c.pickup_ends_at >= ? AND c.pickup_starts_at <= ?::timestamptz + interval '48 hours'))
        GROUP BY b.id, c.id`,
      [input.point_id, new Date(input.day_start), new Date(input.now)]
    )
    return rows.map((r: any) => ({
      ...r,
      placed: Number(r.placed),
      ready: Number(r.ready),
      collected: Number(r.collected),
      uncollected: Number(r.uncollected),
      canceled: Number(r.canceled),
      short_lines: Number(r.short_lines),
    }))
  }

  /** Orders past their hold, and ready orders whose reminder is due (near expiry), soonest expiry first. */
  async uncollected(input: CounterUncollectedInput, context: Context = {}) {
    const manager = this.sql(context)
    const where = `a.pickup_point_id = ? AND a.deleted_at IS NULL AND (a.status = 'uncollected' OR (a.status = 'ready'
        AND a.hold_expires_at - make_interval(hours => p.reminder_hours_before) <= ?))`
    const params = [input.point_id, new Date(input.now)]
    const rows = await manager.execute(
      `SELECT a.id, a.order_id, a.bag_number, a.resident_name_masked, a.phone_last4, a.status, a.hold_expires_at,
              COALESCE(a.disposition, p.uncollected_policy) AS policy,
              a.disposal_policy, a.disposal_note, a.disposed_by, a.disposed_at
         FROM pickup_assignment a JOIN pickup_point p ON p.id = a.pickup_point_id
        WHERE ${where}
        ORDER BY a.hold_expires_at ASC, a.id ASC LIMIT ? OFFSET ?`,
      [...params, input.limit, input.offset]
    )
    const [{ count }] = await manager.execute(
      `SELECT COUNT(*) AS count FROM pickup_assignment a JOIN pickup_point p ON p.id = a.pickup_point_id WHERE ${where}`,
      params
    )
    return { rows: rows as any[], count: Number(count) }
  }

  /** Uncollected orders of a point that still wait for staff to record a disposal. */
  async countUndisposed(pointId: string, context: Context = {}): Promise<number> {
    const [{ count }] = await this.sql(context).execute(
      `SELECT COUNT(*) AS count FROM pickup_assignment
        WHERE pickup_point_id = ? AND status = 'uncollected' AND disposed_at IS NULL AND deleted_at IS NULL`,
      [pointId]
    )
    return Number(count)
  }

  /** The points a staff member is bound to (empty for an inactive or unknown staff member). */
  async staffPointIds(staffId: string, context: Context = {}): Promise<string[]> {
    const rows = await this.sql(context).execute(
      `SELECT sp.point_id FROM pickup_staff_point sp JOIN pickup_staff s ON s.id = sp.staff_id
        WHERE sp.staff_id = ? AND sp.deleted_at IS NULL AND s.deleted_at IS NULL AND s.is_active = true`,
      [staffId]
    )
    return rows.map((r) => r.point_id as string)
  }
}
