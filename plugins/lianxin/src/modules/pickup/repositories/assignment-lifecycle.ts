import type { Context } from "@medusajs/framework/types"
import { placeholders } from "../../../utils/sql"
import type { DisposalInput, ShortageClaim } from "../types"
import { PickupSqlRepository } from "../utils/sql-repository"

/**
 * An order's life after the batch is ready: handover (single use), shortage
 * settlement, reminders, the hold running out and the disposal staff record.
 * Each change matches only the state it leaves, so running it twice (two
 * staff, two servers, a retried job) changes nothing the second time.
 */
export class AssignmentLifecycleRepository extends PickupSqlRepository {
  /** ready → collected, once: of two handovers at the same moment exactly one UPDATE matches. */
  async claimHandover(assignmentId: string, now: Date, context: Context = {}) {
    const [row] = await this.sql(context).execute(
      `UPDATE pickup_assignment SET status = 'collected', collected_at = ?, updated_at = now()
        WHERE id = ? AND status = 'ready' AND deleted_at IS NULL RETURNING id, order_id`,
      [now, assignmentId]
    )
    return (row as { id: string; order_id: string } | undefined) ?? null
  }

  async unclaimHandover(assignmentId: string, context: Context = {}) {
    await this.sql(context).execute(
      `UPDATE pickup_assignment SET status = 'ready', collected_at = NULL, updated_at = now() WHERE id = ? AND status = 'collected'`,
      [assignmentId]
    )
  }

  /** Each line's settled short quantity from `from` to `to`, only where it still is `from`; the lines claimed. */
  async claimShortageSettlement(lines: ShortageClaim[], context: Context = {}): Promise<string[]> {
    const manager = this.sql(context)
    const claimed: string[] = []
    for (const line of lines) {
      const [row] = await manager.execute(
        `UPDATE pickup_line SET settled_short_quantity = ?, updated_at = now()
          WHERE id = ? AND settled_short_quantity = ? AND short_quantity >= ? RETURNING id`,
        [line.to, line.id, line.from, line.to]
      )
      if (row) claimed.push(row.id)
    }
    return claimed
  }

  /** ready past the hold → uncollected, with the point's policy; returns what moved. */
  async expireHolds(now: Date, context: Context = {}) {
    const rows = await this.sql(context).execute(
      `UPDATE pickup_assignment a SET status = 'uncollected', uncollected_at = ?, disposition = p.uncollected_policy, updated_at = now()
         FROM pickup_point p
        WHERE a.status = 'ready' AND a.hold_expires_at <= ? AND a.deleted_at IS NULL AND p.id = a.pickup_point_id
        RETURNING a.id, a.order_id, a.disposition`,
      [now, now]
    )
    return rows as Array<{ id: string; order_id: string; disposition: string }>
  }

  async unexpireHolds(ids: string[], context: Context = {}) {
    if (!ids.length) return
    await this.sql(context).execute(
      `UPDATE pickup_assignment SET status = 'ready', uncollected_at = NULL, disposition = NULL, updated_at = now()
        WHERE id IN (${placeholders(ids)}) AND status = 'uncollected'`,
      ids
    )
  }

  /** Ready orders whose reminder is due at `now` and not sent yet: marks them sent, returns them. */
  async takeDueReminders(now: Date, context: Context = {}) {
    const rows = await this.sql(context).execute(
      `UPDATE pickup_assignment a SET reminder_sent_at = ?, updated_at = now()
         FROM pickup_point p
        WHERE a.status = 'ready' AND a.reminder_sent_at IS NULL AND a.deleted_at IS NULL AND p.id = a.pickup_point_id
          AND a.hold_expires_at > ?
          AND GREATEST(a.hold_expires_at - make_interval(hours => p.reminder_hours_before), a.ready_at) <= ?
        RETURNING a.id, a.order_id, a.hold_expires_at`,
      [now, now, now]
    )
    return rows as Array<{ id: string; order_id: string; hold_expires_at: Date }>
  }

  async untakeReminders(ids: string[], context: Context = {}) {
    if (!ids.length) return
    await this.sql(context).execute(
      `UPDATE pickup_assignment SET reminder_sent_at = NULL WHERE id IN (${placeholders(ids)})`,
      ids
    )
  }

  /** What staff did with an uncollected order, once; the row when this call recorded it, else null. */
  async recordDisposal(input: DisposalInput, context: Context = {}): Promise<{ id: string } | null> {
    const [row] = await this.sql(context).execute(
      `UPDATE pickup_assignment SET disposal_policy = ?, disposal_note = ?, disposed_by = ?, disposed_at = ?, updated_at = now()
        WHERE id = ? AND status = 'uncollected' AND disposed_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [input.policy, input.note, input.staff_id, new Date(input.now), input.assignment_id]
    )
    return (row as { id: string } | undefined) ?? null
  }

  async clearDisposal(assignmentId: string, context: Context = {}) {
    await this.sql(context).execute(
      `UPDATE pickup_assignment SET disposal_policy = NULL, disposal_note = NULL, disposed_by = NULL, disposed_at = NULL, updated_at = now()
        WHERE id = ?`,
      [assignmentId]
    )
  }
}
