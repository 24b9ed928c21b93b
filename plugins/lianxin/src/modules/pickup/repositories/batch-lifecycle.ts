import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { placeholders } from "../../../utils/sql"
import type { CheckInClaim, FreezeInput, MoveBatchInput, UnmarkReadyInput } from "../types"
import { PickupSqlRepository } from "../utils/sql-repository"

/**
 * A batch's states: open → harvest_frozen → arrived → ready. Every move is a
 * conditional UPDATE on the state it leaves, so of two servers making the
 * same move exactly one matches and the other learns it was too late.
 */
export class BatchLifecycleRepository extends PickupSqlRepository {
  /** Open batches whose cycle's producer cutoff is at or before `now` (candidates to freeze). */
  async dueForFreeze(now: Date, context: Context = {}): Promise<string[]> {
    const rows = await this.sql(context).execute(
      `SELECT b.id FROM pickup_batch b JOIN order_cycle c ON c.id = b.cycle_id
        WHERE b.status = 'open' AND b.deleted_at IS NULL AND c.deleted_at IS NULL AND c.producer_cutoff_at <= ?
        ORDER BY c.producer_cutoff_at, b.id`,
      [new Date(now)]
    )
    return rows.map((r) => r.id as string)
  }

  /** open → harvest_frozen with its frozen list, only if still open; whether this call froze it. */
  async freeze(input: FreezeInput, context: Context = {}): Promise<boolean> {
    const [row] = await this.sql(context).execute(
      `UPDATE pickup_batch SET status = 'harvest_frozen', harvest_frozen_at = ?, harvest_snapshot = ?::jsonb, updated_at = now()
        WHERE id = ? AND status = 'open' AND deleted_at IS NULL RETURNING id`,
      [new Date(input.now), JSON.stringify(input.snapshot), input.batch_id]
    )
    return !!row
  }

  /** Compensation of freeze. */
  async unfreeze(ids: string[], context: Context = {}) {
    if (!ids.length) return
    await this.sql(context).execute(
      `UPDATE pickup_batch SET status = 'open', harvest_frozen_at = NULL, harvest_snapshot = NULL, updated_at = now()
        WHERE id IN (${placeholders(ids)}) AND status = 'harvest_frozen'`,
      ids
    )
  }

  /**
   * The first step of a check-in: of two check-ins of one batch at the same
   * moment, exactly one claims it (check-in time and staff on a batch still
   * `arrived`), before either writes a shortage; the other gets the documented
   * 409. A claim older than five minutes (a server that died mid-check-in) can
   * be taken over.
   */
  async claimCheckIn(input: CheckInClaim, context: Context = {}): Promise<void> {
    const manager = this.sql(context)
    const [claimed] = await manager.execute(
      `UPDATE pickup_batch SET checked_in_at = ?, checked_in_by = ?, updated_at = now()
        WHERE id = ? AND status = 'arrived' AND deleted_at IS NULL
          AND (checked_in_at IS NULL OR checked_in_at < now() - interval '5 minutes')
        RETURNING id`,
      [input.now, input.staff_id, input.batch_id]
    )
    if (claimed) return
    const [batch] = await manager.execute(
      `SELECT id, status, checked_in_at FROM pickup_batch WHERE id = ? AND deleted_at IS NULL`,
      [input.batch_id]
    )
    if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, `batch ${input.batch_id} was not found`)
    if (batch.status === "ready" || (batch.status === "arrived" && batch.checked_in_at)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `这批货已经验收过了，不能重复验收。(batch ${batch.id} was checked in already at ${new Date(batch.checked_in_at ?? Date.now()).toISOString()})`
      )
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `请先确认到货，再验收。(batch ${batch.id} is ${batch.status}; mark it arrived first)`
    )
  }

  /** Compensation of claimCheckIn: only this claim, only while the batch is not ready. */
  async releaseCheckIn(input: CheckInClaim, context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `UPDATE pickup_batch SET checked_in_at = NULL, checked_in_by = NULL, updated_at = now()
        WHERE id = ? AND status = 'arrived' AND checked_in_at = ? AND checked_in_by = ?`,
      [input.batch_id, input.now, input.staff_id]
    )
  }

  /** Batch (claimed by this check-in) → ready and every placed order in it → ready with its hold expiry. */
  async markReady(input: CheckInClaim, context: Context = {}): Promise<string[]> {
    const manager = this.sql(context)
    const [batch] = await manager.execute(
      `UPDATE pickup_batch SET status = 'ready', updated_at = now()
        WHERE id = ? AND status = 'arrived' AND deleted_at IS NULL AND checked_in_at = ? AND checked_in_by = ?
        RETURNING id, point_id`,
      [input.batch_id, input.now, input.staff_id]
    )
    if (!batch) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `这批货已经验收过了，不能重复验收。(batch ${input.batch_id} was checked in by another check-in meanwhile)`
      )
    }
    const rows = await manager.execute(
      `UPDATE pickup_assignment a
          SET status = 'ready', ready_at = ?, updated_at = now(),
              hold_expires_at = ?::timestamptz + make_interval(hours =>
                CASE a.perishability WHEN 'chilled' THEN p.hold_hours_chilled ELSE p.hold_hours_ambient END)
         FROM pickup_point p
        WHERE a.batch_id = ? AND a.status = 'placed' AND a.deleted_at IS NULL AND p.id = a.pickup_point_id
        RETURNING a.id`,
      [input.now, input.now, input.batch_id]
    )
    return rows.map((r) => r.id as string)
  }

  /** Compensation of markReady. */
  async unmarkReady(input: UnmarkReadyInput, context: Context = {}) {
    const manager = this.sql(context)
    await manager.execute(
      `UPDATE pickup_batch SET status = 'arrived', checked_in_at = NULL, checked_in_by = NULL, updated_at = now() WHERE id = ?`,
      [input.batch_id]
    )
    if (input.assignment_ids.length) {
      await manager.execute(
        `UPDATE pickup_assignment SET status = 'placed', ready_at = NULL, hold_expires_at = NULL, updated_at = now()
          WHERE id IN (${placeholders(input.assignment_ids)}) AND status = 'ready'`,
        input.assignment_ids
      )
    }
  }

  /** Conditional status change of a batch; throws when it is not in `from`. */
  async move(input: MoveBatchInput, context: Context = {}) {
    const set = Object.entries(input.set ?? {})
    const [row] = await this.sql(context).execute(
      `UPDATE pickup_batch SET status = ?, ${set.map(([k]) => `${k} = ?, `).join("")}updated_at = now()
        WHERE id = ? AND status IN (${placeholders(input.from)}) AND deleted_at IS NULL RETURNING id`,
      [input.to, ...set.map(([, v]) => v), input.batch_id, ...input.from]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `batch ${input.batch_id} is not ${input.from.join(" or ")}, so it cannot become ${input.to}`
      )
    }
  }
}
