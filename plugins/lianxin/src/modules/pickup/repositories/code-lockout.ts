import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { type PickupTokenClaims, hashesEqual } from "../../../utils/pickup-code"
import { afterFailure, type LockRow, lockedUntil } from "../../../utils/pickup-lockout"
import { placeholders } from "../../../utils/sql"
import { LIVE_STATUSES, LOCKOUT_FAILURES, LOCKOUT_MINUTES, type VerifyInput, type VerifyResult } from "../types"
import { PickupSqlRepository } from "../utils/sql-repository"

type Match = { id: string; order_id: string; status: string }
type FailureReason = "wrong_code" | "bad_token" | "locked"

/**
 * Checking a code or QR token at the counter under the lockout (utils/pickup-lockout):
 * the counter rows of the staff member and of the order are locked FOR UPDATE
 * first, so parallel guesses on several servers are counted one after the
 * other; every failure is logged (never the code tried).
 */
export class CodeLockoutRepository extends PickupSqlRepository {
  /**
   * `code_hashes` are the HMACs of the code typed under every loaded key (the service hashes it; decision 016),
   * `claims` the token's verified claims (null for a bad token). Call inside a
   * transaction.
   */
  async verify(
    input: VerifyInput & { now: Date },
    proof: { code_hashes?: string[]; claims: PickupTokenClaims | null },
    context: Context = {}
  ): Promise<VerifyResult> {
    const manager = this.sql(context)
    const now = input.now
    const assignmentHint = input.assignment_id ?? proof.claims?.a
    const subjects = [`staff:${input.staff_id}`]
    if (assignmentHint) subjects.push(`assignment:${assignmentHint}`)

    for (const subject of subjects) {
      await manager.execute(
        `INSERT INTO pickup_lock (id, subject, failures, window_started_at, created_at, updated_at)
         VALUES (?, ?, 0, ?, now(), now()) ON CONFLICT (subject) WHERE deleted_at IS NULL DO NOTHING`,
        [generateEntityId(undefined, "plk"), subject, now]
      )
    }
    // Always staff first, then the order: one lock order, no deadlocks.
    const locks: LockRow[] = await manager.execute(
      `SELECT subject, failures, window_started_at, locked_until FROM pickup_lock
        WHERE subject IN (${placeholders(subjects)}) AND deleted_at IS NULL
        ORDER BY CASE WHEN subject LIKE 'staff:%' THEN 0 ELSE 1 END FOR UPDATE`,
      subjects
    )
    const until = lockedUntil(locks, now)
    if (until) {
      const failureId = await this.logFailure(manager, input, assignmentHint ?? null, "locked", now)
      return { ok: false, reason: "locked", locked_until: until, failure_id: failureId }
    }

    const method: "code" | "qr" = input.token !== undefined ? "qr" : "code"
    const match = await this.find(manager, input, proof)
    if (match) {
      // A look-up by code (or a QR token) names no order up front: the order it
      // finds may be locked for wrong codes all the same, and then it must not
      // answer either (staff row first, then the order's, as above).
      if (!subjects.includes(`assignment:${match.id}`)) {
        const orderLocks: Pick<LockRow, "locked_until">[] = await manager.execute(
          `SELECT locked_until FROM pickup_lock WHERE subject = ? AND deleted_at IS NULL FOR UPDATE`,
          [`assignment:${match.id}`]
        )
        const orderUntil = lockedUntil(orderLocks, now)
        if (orderUntil) {
          const failureId = await this.logFailure(manager, input, match.id, "locked", now)
          return { ok: false, reason: "locked", locked_until: orderUntil, failure_id: failureId }
        }
      }
      return { ok: true, assignment_id: match.id, order_id: match.order_id, status: match.status, method }
    }

    let newLock: Date | null = null
    for (const lock of locks) {
      const next = afterFailure(lock, now, { failures: LOCKOUT_FAILURES, minutes: LOCKOUT_MINUTES })
      if (next.locked_until) newLock = next.locked_until
      await manager.execute(
        `UPDATE pickup_lock SET failures = ?, window_started_at = ?, locked_until = COALESCE(?, locked_until), updated_at = now()
          WHERE subject = ? AND deleted_at IS NULL`,
        [next.failures, next.window_started_at, next.locked_until, lock.subject]
      )
    }
    const reason = method === "qr" ? "bad_token" : "wrong_code"
    const failureId = await this.logFailure(manager, input, assignmentHint ?? null, reason, now)
    return { ok: false, reason, locked_until: newLock, failure_id: failureId }
  }

  /** The assignment the code or token names at this point (a used code finds its collected order). */
  private async find(
    manager: SqlEntityManager,
    input: VerifyInput,
    proof: { code_hashes?: string[]; claims: PickupTokenClaims | null }
  ): Promise<Match | null> {
    if (input.token !== undefined) {
      const claims = proof.claims
      if (!claims || claims.p !== input.pickup_point_id) return null
      const [row] = await manager.execute(
        `SELECT id, order_id, status FROM pickup_assignment
          WHERE id = ? AND order_id = ? AND pickup_point_id = ? AND code_version = ? AND deleted_at IS NULL`,
        [claims.a, claims.o, claims.p, claims.v]
      )
      return (row as Match | undefined) ?? null
    }
    const hashes = proof.code_hashes
    if (input.code === undefined || !hashes?.length) return null
    if (input.assignment_id) {
      const [row] = await manager.execute(
        `SELECT id, order_id, status, code_hash FROM pickup_assignment
          WHERE id = ? AND pickup_point_id = ? AND deleted_at IS NULL`,
        [input.assignment_id, input.pickup_point_id]
      )
      return row?.code_hash && hashes.some((h) => hashesEqual(row.code_hash as string, h)) ? (row as Match) : null
    }
    const [live] = await manager.execute(
      `SELECT id, order_id, status FROM pickup_assignment
        WHERE pickup_point_id = ? AND code_hash IN (${placeholders(hashes)}) AND deleted_at IS NULL
          AND status IN ${LIVE_STATUSES}`,
      [input.pickup_point_id, ...hashes]
    )
    if (live) return live as Match
    // A code already used at this counter finds its collected order (staff are told it
    // was handed over), not a "wrong code" that would count towards a lockout.
    const [used] = await manager.execute(
      `SELECT id, order_id, status FROM pickup_assignment
        WHERE pickup_point_id = ? AND code_hash IN (${placeholders(hashes)}) AND deleted_at IS NULL
          AND status = 'collected'
        ORDER BY collected_at DESC LIMIT 1`,
      [input.pickup_point_id, ...hashes]
    )
    return (used as Match | undefined) ?? null
  }

  private async logFailure(
    manager: SqlEntityManager,
    input: VerifyInput,
    assignmentId: string | null,
    reason: FailureReason,
    now: Date
  ): Promise<string> {
    const id = generateEntityId(undefined, "pcf")
    await manager.execute(
      `INSERT INTO pickup_code_failure (id, staff_id, pickup_point_id, assignment_id, reason, occurred_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, now(), now())`,
      [id, input.staff_id, input.pickup_point_id, assignmentId, reason, now]
    )
    return id
  }
}
