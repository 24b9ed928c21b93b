import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { generatePickupCode } from "../../../utils/pickup-code"
import { type CodeCrypto, LIVE_STATUSES, type PreviousCode } from "../types"
import { PickupSqlRepository } from "../utils/sql-repository"

/** Collisions with another live code at the same point retried with fresh digits before giving up. */
const ISSUE_ATTEMPTS = 5

/**
 * Pickup codes on assignments: only their HMAC and a sealed copy are stored
 * (decision 014); the crypto is lent by the service, which holds the keys.
 */
export class PickupCodeRepository extends PickupSqlRepository {
  /**
   * Gives a live assignment a new code and returns it. A collision with
   * another live code at the same point hits the partial unique index and is
   * retried with fresh digits. `shown: false` leaves the code unshown;
   * `first_view: true` returns the placement code if it was never shown.
   * Call inside a transaction (the row is held FOR UPDATE).
   */
  async issue(
    assignmentId: string,
    options: { shown?: boolean; first_view?: boolean },
    crypto: CodeCrypto,
    context: Context = {}
  ): Promise<{ code: string; code_version: number; previous: PreviousCode }> {
    const manager = this.sql(context)
    const [current] = await manager.execute(
      `SELECT id, pickup_point_id, code_hash, code_version, code_sealed, code_shown_at FROM pickup_assignment
        WHERE id = ? AND deleted_at IS NULL AND status IN ${LIVE_STATUSES} FOR UPDATE`,
      [assignmentId]
    )
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `pickup ${assignmentId} is no longer waiting for collection`)
    }
    const previous: PreviousCode = {
      code_hash: current.code_hash,
      code_version: Number(current.code_version),
      code_sealed: current.code_sealed ?? null,
      code_shown_at: current.code_shown_at ?? null,
    }
    const shownAt = options.shown === false ? null : new Date()
    if (options.first_view && !current.code_shown_at && current.code_sealed && current.code_hash) {
      const code = crypto.open(`${assignmentId}:${current.code_version}`, current.code_sealed)
      if (code) {
        await manager.execute(`UPDATE pickup_assignment SET code_shown_at = ?, updated_at = now() WHERE id = ?`, [
          shownAt,
          assignmentId,
        ])
        return { code, code_version: Number(current.code_version), previous }
      }
    }
    for (let attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
      const code = generatePickupCode()
      const hash = crypto.hash(current.pickup_point_id, code)
      const [clash] = await manager.execute(
        `SELECT 1 FROM pickup_assignment WHERE pickup_point_id = ? AND code_hash = ? AND deleted_at IS NULL
            AND status IN ${LIVE_STATUSES} AND id <> ?`,
        [current.pickup_point_id, hash, assignmentId]
      )
      if (clash) continue
      const version = Number(current.code_version) + 1
      const sealed = crypto.seal(`${assignmentId}:${version}`, code)
      const [row] = await manager.execute(
        `UPDATE pickup_assignment SET code_hash = ?, code_version = ?, code_sealed = ?, code_shown_at = ?,
                code_issued_at = now(), updated_at = now()
          WHERE id = ? RETURNING code_version`,
        [hash, version, sealed, shownAt, assignmentId]
      )
      return { code, code_version: Number(row.code_version), previous }
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, "could not find a free pickup code; try again")
  }

  /** Compensation of issue: the previous code is valid again (hash, version, sealed copy, shown). */
  async restore(assignmentId: string, previous: PreviousCode, context: Context = {}) {
    await this.sql(context).execute(
      `UPDATE pickup_assignment SET code_hash = ?, code_version = ?, code_sealed = ?, code_shown_at = ?, updated_at = now()
        WHERE id = ?`,
      [
        previous.code_hash,
        previous.code_version,
        previous.code_sealed ?? null,
        previous.code_shown_at ?? null,
        assignmentId,
      ]
    )
  }

  /** The current code of an assignment waiting for collection, opened from its sealed copy; null otherwise. */
  async currentForMessage(assignmentId: string, crypto: CodeCrypto, context: Context = {}): Promise<string | null> {
    const [row] = await this.sql(context).execute(
      `SELECT code_version, code_sealed FROM pickup_assignment
        WHERE id = ? AND deleted_at IS NULL AND status IN ('placed', 'ready') AND code_hash IS NOT NULL`,
      [assignmentId]
    )
    if (!row?.code_sealed) return null
    return crypto.open(`${assignmentId}:${row.code_version}`, row.code_sealed)
  }
}
