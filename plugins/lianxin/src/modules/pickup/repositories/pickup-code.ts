import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { generatePickupCode } from "../../../utils/pickup-code"
import { placeholders } from "../../../utils/sql"
import { type CodeCrypto, LIVE_STATUSES, type PreviousCode, type RekeyedCode, type RekeyResult } from "../types"
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
      // A live code hashed under an older key (before a rotation) clashes as well.
      const candidates = crypto.candidates(current.pickup_point_id, code)
      const [clash] = await manager.execute(
        `SELECT 1 FROM pickup_assignment WHERE pickup_point_id = ? AND code_hash IN (${placeholders(candidates)})
            AND deleted_at IS NULL AND status IN ${LIVE_STATUSES} AND id <> ?`,
        [current.pickup_point_id, ...candidates, assignmentId]
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

  // ---- key rotation (decision 016) ----

  /**
   * Live codes not yet under the current key: `stale` can be moved by rekey;
   * `unsealed` (codes issued before sealed copies existed) cannot — they keep
   * working while the key they were hashed with is loaded.
   */
  async countToRekey(currentKeyId: string, context: Context = {}): Promise<{ stale: number; unsealed: number }> {
    const [row] = await this.sql(context).execute(
      `SELECT count(*) FILTER (WHERE code_sealed IS NOT NULL AND code_sealed NOT LIKE ?) AS stale,
              count(*) FILTER (WHERE code_sealed IS NULL) AS unsealed
         FROM pickup_assignment
        WHERE deleted_at IS NULL AND status IN ${LIVE_STATUSES} AND code_hash IS NOT NULL`,
      [`s2:${currentKeyId}:%`]
    )
    return { stale: Number(row.stale), unsealed: Number(row.unsealed) }
  }

  /**
   * Moves up to `limit` live codes (ids after `after`) to the current key: the
   * sealed copy is opened with the key it names, the same code is hashed and
   * sealed again under the current key (same code version: the resident's
   * code and QR token stay valid). Rows it cannot open are skipped and
   * counted. Returns the previous values for the compensation. Call inside a transaction.
   */
  async rekey(
    input: { after?: string | null; limit: number },
    crypto: CodeCrypto,
    context: Context = {}
  ): Promise<RekeyResult> {
    const manager = this.sql(context)
    const rows: Array<{
      id: string
      pickup_point_id: string
      code_hash: string
      code_version: number
      code_sealed: string
    }> = await manager.execute(
      `SELECT id, pickup_point_id, code_hash, code_version, code_sealed FROM pickup_assignment
          WHERE deleted_at IS NULL AND status IN ${LIVE_STATUSES} AND code_hash IS NOT NULL
            AND code_sealed IS NOT NULL AND code_sealed NOT LIKE ? AND id > ?
          ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [`s2:${crypto.currentKeyId()}:%`, input.after ?? "", input.limit]
    )
    const previous: RekeyedCode[] = []
    let unreadable = 0
    for (const row of rows) {
      const sealContext = `${row.id}:${row.code_version}`
      const code = crypto.open(sealContext, row.code_sealed)
      if (code === null || crypto.sealedKeyId(row.code_sealed) === crypto.currentKeyId()) {
        unreadable += code === null ? 1 : 0
        continue
      }
      await manager.execute(
        `UPDATE pickup_assignment SET code_hash = ?, code_sealed = ?, updated_at = now() WHERE id = ?`,
        [crypto.hash(row.pickup_point_id, code), crypto.seal(sealContext, code), row.id]
      )
      previous.push({ id: row.id, code_hash: row.code_hash, code_sealed: row.code_sealed })
    }
    return { updated: previous.length, unreadable, last_id: rows.length ? rows[rows.length - 1].id : null, previous }
  }

  /** Compensation of rekey: the codes' previous hash and sealed copy. */
  async restoreRekeyed(previous: RekeyedCode[], context: Context = {}) {
    const manager = this.sql(context)
    for (const p of previous) {
      await manager.execute(
        `UPDATE pickup_assignment SET code_hash = ?, code_sealed = ?, updated_at = now() WHERE id = ?`,
        [p.code_hash, p.code_sealed, p.id]
      )
    }
  }
}
