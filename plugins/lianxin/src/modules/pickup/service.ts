import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  generatePickupCode,
  hashPickupCode,
  hashesEqual,
  openPickupCodeWith,
  pickupCodeHashes,
  sealedPickupKeyId,
  sealPickupCodeWith,
  signPickupToken,
  verifyPickupTokenWith,
  type PickupKeyring,
  type PickupTokenClaims,
} from "../../utils/pickup-code"
import { placeholders } from "../../utils/sql"
import { CheckoutRefusal, nextCycleView } from "../../utils/checkout-refusal"
import { nextOpenCycle, orderRefusal, type CycleAtPoint, type OrderRefusalCode } from "../../utils/order-rule"
import { PICKUP_KEYS } from "./loaders/pickup-keys"
import {
  OrderCycle,
  PickupAssignment,
  PickupBatch,
  PickupCodeFailure,
  PickupHandover,
  PickupLine,
  PickupLock,
  PickupNotification,
  PickupPoint,
  PickupShortage,
  PickupStaff,
  PickupStaffPoint,
  PropertyOffice,
} from "./models"

type InjectedDependencies = { [PICKUP_KEYS]: PickupKeyring }

/** One code's values before rekeyCodes moved it to the current key. */
export type RekeyedCode = { id: string; code_hash: string; code_sealed: string }

/** A code as it was before issueCode, for its compensation. */
export type PreviousCode = {
  code_hash: string | null
  code_version: number
  code_sealed?: string | null
  code_shown_at?: Date | string | null
}

/** Failures per subject within the window that lock it, and for how long. */
export const LOCKOUT_FAILURES = 5
export const LOCKOUT_MINUTES = 15
const MINUTE_MS = 60_000

export type ReserveInput = {
  cart_id: string
  pickup_point_id: string
  order_cycle_id: string
  perishability: "chilled" | "ambient"
  customer_id: string | null
  now: Date
}

export type ReservationRow = {
  id: string
  cart_id: string
  batch_id: string
  bag_number: number
  pickup_point_id: string
  order_cycle_id: string
  property_office_id: string
  perishability: "chilled" | "ambient"
  status: string
  created: boolean
}

export type VerifyInput = {
  staff_id: string
  pickup_point_id: string
  assignment_id?: string
  code?: string
  token?: string
  now: Date
}

export type VerifyResult =
  | { ok: true; assignment_id: string; order_id: string; status: string; method: "code" | "qr" }
  | {
      ok: false
      reason: "wrong_code" | "bad_token" | "locked"
      locked_until: Date | null
      failure_id: string | null
    }

const LIVE_STATUSES = "('reserved', 'placed', 'ready')"

export type PointCapacity = { id: string; office_id: string; capacity_chilled: number; capacity_ambient: number }

export type CycleRow = {
  id: string
  name: string
  rhythm: string
  producer_cutoff_at: Date
  resident_cutoff_at: Date
  pickup_starts_at: Date
  pickup_ends_at: Date
  canceled_at: Date | null
}

export type CycleAtPointRow = CycleAtPoint & {
  cycle: CycleRow
  batch: { id: string; status: string; reserved_chilled: number; reserved_ambient: number } | null
  point: PointCapacity
}

/** cyclesAtPoint on a given manager (inside reserveForCart's transaction too). */
async function cyclesAtPointWith(
  manager: SqlEntityManager,
  input: { point_id: string; now: Date; cycle_id?: string; limit?: number }
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
  const where = input.cycle_id
    ? "c.id = ?"
    : "c.canceled_at IS NULL AND c.resident_cutoff_at > ?"
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

/**
 * Offices, points, cycles, batches, assignments, staff and the code lockout.
 * Everything that must hold across several stateless servers — a point's
 * capacity, single-use handover, the failure counters — is a conditional
 * UPDATE or a row lock in PostgreSQL here, never process memory.
 */
class PickupModuleService extends MedusaService({
  PropertyOffice,
  PickupPoint,
  OrderCycle,
  PickupBatch,
  PickupAssignment,
  PickupLine,
  PickupShortage,
  PickupHandover,
  PickupStaff,
  PickupStaffPoint,
  PickupCodeFailure,
  PickupLock,
  PickupNotification,
}) {
  protected keys_: PickupKeyring

  constructor(deps: InjectedDependencies) {
    // MedusaService takes the container cradle and module options positionally.
    super(...arguments)
    this.keys_ = deps[PICKUP_KEYS]
  }

  // ---- codes and tokens -------------------------------------------------------

  hashCode(pickupPointId: string, code: string): string {
    return hashPickupCode(this.keys_.current.code, pickupPointId, code)
  }

  /** The code's HMAC under every loaded key (decision 016): a look-up finds codes issued before a rotation. */
  hashCandidates(pickupPointId: string, code: string): string[] {
    return pickupCodeHashes(this.keys_, pickupPointId, code)
  }

  signToken(claims: PickupTokenClaims): string {
    return signPickupToken(this.keys_.current.token, claims)
  }

  readToken(token: string): PickupTokenClaims | null {
    return verifyPickupTokenWith(this.keys_, token)
  }

  /**
   * Gives a live assignment a new code and returns it (the only time it exists
   * in clear, apart from the sealed copy messages read: decision 014). A
   * collision with another live code at the same point hits the partial unique
   * index and is retried with fresh digits.
   *
   * `shown: false` (placement) leaves the code unshown. `first_view: true` (the
   * resident's request for a code) returns the placement code instead of a new
   * one if it was never shown, so the code in the order-placed message and the
   * one on the confirmation page are the same; every later request issues anew.
   */
  @InjectTransactionManager()
  async issueCode(
    assignmentId: string,
    options: { shown?: boolean; first_view?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ code: string; code_version: number; previous: PreviousCode }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
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
      const code = openPickupCodeWith(this.keys_, `${assignmentId}:${current.code_version}`, current.code_sealed)
      if (code) {
        await manager.execute(`UPDATE pickup_assignment SET code_shown_at = ?, updated_at = now() WHERE id = ?`, [
          shownAt,
          assignmentId,
        ])
        return { code, code_version: Number(current.code_version), previous }
      }
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = generatePickupCode()
      const hash = this.hashCode(current.pickup_point_id, code)
      const candidates = this.hashCandidates(current.pickup_point_id, code)
      const [clash] = await manager.execute(
        `SELECT 1 FROM pickup_assignment WHERE pickup_point_id = ? AND code_hash IN (${placeholders(candidates)}) AND deleted_at IS NULL
            AND status IN ${LIVE_STATUSES} AND id <> ?`,
        [current.pickup_point_id, ...candidates, assignmentId]
      )
      if (clash) continue
      const version = Number(current.code_version) + 1
      const sealed = sealPickupCodeWith(this.keys_, `${assignmentId}:${version}`, code)
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

  /** Compensation of issueCode: the previous code is valid again (hash, version, sealed copy, shown). */
  @InjectTransactionManager()
  async restoreCode(assignmentId: string, previous: PreviousCode, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
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

  /**
   * The current code of a live assignment, for the message that carries it
   * (decision 014): opened from its sealed copy, never stored elsewhere. Null
   * when the order is no longer waiting, or its code predates sealed copies.
   */
  @InjectManager()
  async currentCodeForMessage(
    assignmentId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = await manager.execute(
      `SELECT code_version, code_sealed FROM pickup_assignment
        WHERE id = ? AND deleted_at IS NULL AND status IN ('placed', 'ready') AND code_hash IS NOT NULL`,
      [assignmentId]
    )
    if (!row?.code_sealed) return null
    return openPickupCodeWith(this.keys_, `${assignmentId}:${row.code_version}`, row.code_sealed)
  }

  // ---- key rotation (decision 016) ----------------------------------------------

  /** Which key new codes are sealed and hashed under, and which keys are loaded. */
  pickupKeyIds(): { current: string; loaded: string[] } {
    return { current: this.keys_.currentId, loaded: this.keys_.all.map((k) => k.id) }
  }

  /**
   * Live codes not yet under the current key: `stale` can be moved by
   * rekeyCodes; `unsealed` (codes issued before sealed copies existed) cannot —
   * they keep working while the key they were hashed with is loaded.
   */
  @InjectManager()
  async countCodesToRekey(@MedusaContext() sharedContext: Context = {}): Promise<{ stale: number; unsealed: number }> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row] = await manager.execute(
      `SELECT count(*) FILTER (WHERE code_sealed IS NOT NULL AND code_sealed NOT LIKE ?) AS stale,
              count(*) FILTER (WHERE code_sealed IS NULL) AS unsealed
         FROM pickup_assignment
        WHERE deleted_at IS NULL AND status IN ${LIVE_STATUSES} AND code_hash IS NOT NULL`,
      [`s2:${this.keys_.currentId}:%`]
    )
    return { stale: Number(row.stale), unsealed: Number(row.unsealed) }
  }

  /**
   * Moves up to `limit` live codes (ids after `after`) to the current key: the
   * sealed copy is opened with the key it names, the same code is hashed and
   * sealed again under the current key (same code version: the resident's
   * code and QR token stay valid). Rows it cannot open are skipped and
   * counted. Returns the previous values for the compensation.
   */
  @InjectTransactionManager()
  async rekeyCodes(
    input: { after?: string | null; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ updated: number; unreadable: number; last_id: string | null; previous: RekeyedCode[] }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `SELECT id, pickup_point_id, code_hash, code_version, code_sealed FROM pickup_assignment
        WHERE deleted_at IS NULL AND status IN ${LIVE_STATUSES} AND code_hash IS NOT NULL
          AND code_sealed IS NOT NULL AND code_sealed NOT LIKE ? AND id > ?
        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [`s2:${this.keys_.currentId}:%`, input.after ?? "", input.limit]
    )
    const previous: RekeyedCode[] = []
    let unreadable = 0
    for (const row of rows as any[]) {
      const context = `${row.id}:${row.code_version}`
      const code = openPickupCodeWith(this.keys_, context, row.code_sealed)
      if (code === null || sealedPickupKeyId(row.code_sealed) === this.keys_.currentId) {
        unreadable += code === null ? 1 : 0
        continue
      }
      await manager.execute(`UPDATE pickup_assignment SET code_hash = ?, code_sealed = ?, updated_at = now() WHERE id = ?`, [
        this.hashCode(row.pickup_point_id, code),
        sealPickupCodeWith(this.keys_, context, code),
        row.id,
      ])
      previous.push({ id: row.id, code_hash: row.code_hash, code_sealed: row.code_sealed })
    }
    return { updated: previous.length, unreadable, last_id: rows.length ? (rows as any[])[rows.length - 1].id : null, previous }
  }

  /** Compensation of rekeyCodes: the codes' previous hash and sealed copy. */
  @InjectTransactionManager()
  async restoreRekeyedCodes(previous: RekeyedCode[], @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    for (const p of previous) {
      await manager.execute(`UPDATE pickup_assignment SET code_hash = ?, code_sealed = ?, updated_at = now() WHERE id = ?`, [
        p.code_hash,
        p.code_sealed,
        p.id,
      ])
    }
  }

  // ---- cycles ------------------------------------------------------------------

  /**
   * Creates the planned cycles whose `metadata.key` does not exist yet and
   * returns them. Several callers at once (the start-up job, the hourly job,
   * the seed, another worker) are serialized by a transaction-level advisory
   * lock, so a key is never created twice.
   */
  @InjectTransactionManager()
  async createMissingKeyedCycles(
    planned: Array<{
      key: string
      name: string
      rhythm: "daily" | "weekly" | "special"
      producer_cutoff_at: Date
      resident_cutoff_at: Date
      pickup_starts_at: Date
      pickup_ends_at: Date
    }>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ id: string }>> {
    if (!planned.length) return []
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext('lianxin:order_cycle:keyed'))`)
    const keys = planned.map((p) => p.key)
    const rows = await manager.execute(
      `SELECT metadata->>'key' AS key FROM order_cycle WHERE deleted_at IS NULL AND metadata->>'key' IN (${placeholders(keys)})`,
      keys
    )
    const have = new Set(rows.map((r) => String(r.key)))
    const missing = planned.filter((p) => !have.has(p.key))
    if (!missing.length) return []
    const created = await this.createOrderCycles(
      missing.map(({ key, ...c }) => ({ ...c, metadata: { key, generated: true } })),
      sharedContext
    )
    return (created as Array<{ id: string }>).map((c) => ({ id: c.id }))
  }

  // ---- checkout: capacity ------------------------------------------------------

  /**
   * The cycles of one point as the ordering rule needs them (utils/order-rule):
   * each cycle with this point's batch (null until the first reservation) and
   * the point's capacity. Without `cycle_id`: the cycles not canceled whose
   * resident cutoff is after `now`, nearest cutoff first. With it: that one
   * cycle whatever its state (to say why it refuses). `point` is null when the
   * point or its office is unknown or inactive.
   */
  @InjectManager()
  async cyclesAtPoint(
    input: { point_id: string; now: Date; cycle_id?: string; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ point: PointCapacity | null; cycles: CycleAtPointRow[] }> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
    return cyclesAtPointWith(manager, input)
  }

  /**
   * Reserves a place for a cart in the batch of (cycle, point), or throws a
   * CheckoutRefusal (code, message, the next open cycle at the point). The
   * batch row is held FOR UPDATE while the ordering rule (utils/order-rule:
   * cutoff, batch state, capacity) decides, so two servers can never both take
   * the last place and nothing slips in after the cutoff. Completing the same
   * cart again returns its existing reservation.
   */
  @InjectTransactionManager()
  async reserveForCart(input: ReserveInput, @MedusaContext() sharedContext: Context = {}): Promise<ReservationRow> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const now = new Date(input.now)
    const [existing] = await manager.execute(
      `SELECT id, cart_id, batch_id, bag_number, pickup_point_id, order_cycle_id, property_office_id, perishability, status
         FROM pickup_assignment WHERE cart_id = ? AND deleted_at IS NULL`,
      [input.cart_id]
    )
    if (existing) {
      if (existing.pickup_point_id === input.pickup_point_id && existing.order_cycle_id === input.order_cycle_id) {
        return { ...(existing as ReservationRow), bag_number: Number(existing.bag_number), created: false }
      }
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "this cart already holds a place at another pickup point or cycle")
    }

    const { point, cycles } = await cyclesAtPointWith(manager, { point_id: input.pickup_point_id, now, cycle_id: input.order_cycle_id })
    const refuse = async (code: OrderRefusalCode | "point_inactive") => {
      const next =
        code === "point_inactive"
          ? null
          : nextOpenCycle(
              (await cyclesAtPointWith(manager, { point_id: input.pickup_point_id, now })).cycles.filter(
                (c) => c.cycle.id !== input.order_cycle_id
              ),
              now,
              input.perishability
            )
      return new CheckoutRefusal(code, {
        pickup_point_id: input.pickup_point_id,
        order_cycle_id: input.order_cycle_id,
        order_cycle: cycles[0] ? nextCycleView(cycles[0].cycle) : null,
        next_order_cycle: next ? nextCycleView(next.cycle) : null,
      })
    }
    if (!point) throw await refuse("point_inactive")
    if (!cycles[0]) throw await refuse("no_cycle")

    await manager.execute(
      `INSERT INTO pickup_batch (id, cycle_id, point_id, status, reserved_chilled, reserved_ambient, last_bag_number, created_at, updated_at)
       VALUES (?, ?, ?, 'open', 0, 0, 0, now(), now())
       ON CONFLICT (cycle_id, point_id) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "pbat"), input.order_cycle_id, input.pickup_point_id]
    )
    const [batch]: Array<{ id: string; status: string; reserved_chilled: number; reserved_ambient: number }> = await manager.execute(
      `SELECT id, status, reserved_chilled, reserved_ambient FROM pickup_batch
        WHERE cycle_id = ? AND point_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.order_cycle_id, input.pickup_point_id]
    )
    const refusal = orderRefusal({ cycle: cycles[0].cycle, batch, point }, input.perishability, now)
    if (refusal) throw await refuse(refusal)
    const counter = input.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
    const [taken] = await manager.execute(
      `UPDATE pickup_batch SET ${counter} = ${counter} + 1, last_bag_number = last_bag_number + 1, updated_at = now()
        WHERE id = ? RETURNING id, last_bag_number`,
      [batch.id]
    )
    const id = generateEntityId(undefined, "pasg")
    await manager.execute(
      `INSERT INTO pickup_assignment (id, cart_id, batch_id, pickup_point_id, order_cycle_id, property_office_id, customer_id,
          status, perishability, bag_number, code_version, order_total_fen, refunded_fen, collect_reduction_fen, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, 0, 0, 0, 0, now(), now())`,
      [
        id,
        input.cart_id,
        taken.id,
        input.pickup_point_id,
        input.order_cycle_id,
        point.office_id,
        input.customer_id,
        input.perishability,
        Number(taken.last_bag_number),
      ]
    )
    return {
      id,
      cart_id: input.cart_id,
      batch_id: taken.id,
      bag_number: Number(taken.last_bag_number),
      pickup_point_id: input.pickup_point_id,
      order_cycle_id: input.order_cycle_id,
      property_office_id: point.office_id,
      perishability: input.perishability,
      status: "reserved",
      created: true,
    }
  }

  /** Compensation of reserveForCart: gives the place back (bag numbers are not reused). */
  @InjectTransactionManager()
  async releaseReservation(cartId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `DELETE FROM pickup_assignment WHERE cart_id = ? AND status = 'reserved' AND order_id IS NULL
       RETURNING batch_id, perishability`,
      [cartId]
    )
    if (row) {
      const counter = row.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
      await manager.execute(
        `UPDATE pickup_batch SET ${counter} = GREATEST(${counter} - 1, 0), updated_at = now() WHERE id = ?`,
        [row.batch_id]
      )
    }
  }

  /** The reservation becomes the order's assignment, with its lines. */
  @InjectTransactionManager()
  async placeReservation(
    input: {
      cart_id: string
      order_id: string
      resident_name_masked: string
      phone_last4: string
      order_total_fen: number
      lines: Array<{
        line_item_id: string
        variant_id: string | null
        product_id: string | null
        title: string
        quantity: number
        amount_fen: number
      }>
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; previous_status: string } | null> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `UPDATE pickup_assignment SET order_id = ?, status = 'placed', resident_name_masked = ?, phone_last4 = ?,
              order_total_fen = ?, updated_at = now()
        WHERE cart_id = ? AND deleted_at IS NULL AND status = 'reserved' RETURNING id`,
      [input.order_id, input.resident_name_masked, input.phone_last4, input.order_total_fen, input.cart_id]
    )
    if (!row) return null
    for (const line of input.lines) {
      await manager.execute(
        `INSERT INTO pickup_line (id, assignment_id, line_item_id, variant_id, product_id, title, quantity, amount_fen,
            short_quantity, settled_short_quantity, refund_fen, handed_over_quantity, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, now(), now())`,
        [
          generateEntityId(undefined, "plin"),
          row.id,
          line.line_item_id,
          line.variant_id,
          line.product_id,
          line.title,
          line.quantity,
          line.amount_fen,
        ]
      )
    }
    return { id: row.id, previous_status: "reserved" }
  }

  @InjectTransactionManager()
  async unplaceReservation(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`DELETE FROM pickup_line WHERE assignment_id = ?`, [assignmentId])
    await manager.execute(
      `UPDATE pickup_assignment SET order_id = NULL, status = 'reserved', updated_at = now() WHERE id = ? AND status = 'placed'`,
      [assignmentId]
    )
  }

  // ---- the counter: verification with lockout ---------------------------------

  /**
   * Checks a code or QR token at a point under the lockout, in one
   * transaction: the staff member's (and the order's) counter rows are locked
   * FOR UPDATE first, so parallel guesses on several servers are counted one
   * after the other. Each failure is logged; the 5th within 15 minutes locks
   * the subject for 15 minutes.
   */
  @InjectTransactionManager()
  async verifyAttempt(input: VerifyInput, @MedusaContext() sharedContext: Context = {}): Promise<VerifyResult> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    // Workflow inputs arrive serialized: a Date may come as an ISO string.
    const now = new Date(input.now)
    input = { ...input, now }
    let claims: PickupTokenClaims | null = null
    if (input.token !== undefined) {
      claims = this.readToken(input.token)
    }
    const assignmentHint = input.assignment_id ?? claims?.a
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
    const locks: Array<{ subject: string; failures: number; window_started_at: Date; locked_until: Date | null }> =
      await manager.execute(
        `SELECT subject, failures, window_started_at, locked_until FROM pickup_lock
          WHERE subject IN (${placeholders(subjects)}) AND deleted_at IS NULL
          ORDER BY CASE WHEN subject LIKE 'staff:%' THEN 0 ELSE 1 END FOR UPDATE`,
        subjects
      )
    const lockedUntil = locks
      .map((l) => (l.locked_until ? new Date(l.locked_until) : null))
      .filter((d): d is Date => !!d && d.getTime() > now.getTime())
      .sort((a, b) => b.getTime() - a.getTime())[0]
    if (lockedUntil) {
      const failureId = await this.logFailure(manager, input, assignmentHint ?? null, "locked", now)
      return { ok: false, reason: "locked", locked_until: lockedUntil, failure_id: failureId }
    }

    type Match = { id: string; order_id: string; status: string }
    let match: Match | null = null
    let method: "code" | "qr" = "code"
    if (input.token !== undefined) {
      method = "qr"
      if (claims && claims.p === input.pickup_point_id) {
        const [row] = await manager.execute(
          `SELECT id, order_id, status FROM pickup_assignment
            WHERE id = ? AND order_id = ? AND pickup_point_id = ? AND code_version = ? AND deleted_at IS NULL`,
          [claims.a, claims.o, claims.p, claims.v]
        )
        match = (row as unknown as Match) ?? null
      }
    } else if (input.code !== undefined) {
      const hashes = this.hashCandidates(input.pickup_point_id, input.code)
      if (input.assignment_id) {
        const [row] = await manager.execute(
          `SELECT id, order_id, status, code_hash FROM pickup_assignment
            WHERE id = ? AND pickup_point_id = ? AND deleted_at IS NULL`,
          [input.assignment_id, input.pickup_point_id]
        )
        match = row?.code_hash && hashes.some((h) => hashesEqual(row.code_hash as string, h)) ? (row as unknown as Match) : null
      } else {
        const [row] = await manager.execute(
          `SELECT id, order_id, status FROM pickup_assignment
            WHERE pickup_point_id = ? AND code_hash IN (${placeholders(hashes)}) AND deleted_at IS NULL AND status IN ${LIVE_STATUSES}`,
          [input.pickup_point_id, ...hashes]
        )
        // A code already used at this counter finds its collected order (staff are told it
        // was handed over), not a "wrong code" that would count towards a lockout.
        const [used] = row
          ? [row]
          : await manager.execute(
              `SELECT id, order_id, status FROM pickup_assignment
                WHERE pickup_point_id = ? AND code_hash IN (${placeholders(hashes)}) AND deleted_at IS NULL AND status = 'collected'
                ORDER BY collected_at DESC LIMIT 1`,
              [input.pickup_point_id, ...hashes]
            )
        match = (used as unknown as Match) ?? null
      }
    }

    if (match) {
      // A look-up by code (or a QR token) names no order up front: the order it
      // finds may be locked for wrong codes all the same, and then it must not
      // answer either (staff row first, then the order's, as above).
      if (!subjects.includes(`assignment:${match.id}`)) {
        const [orderLock] = await manager.execute(
          `SELECT locked_until FROM pickup_lock WHERE subject = ? AND deleted_at IS NULL FOR UPDATE`,
          [`assignment:${match.id}`]
        )
        const until = orderLock?.locked_until ? new Date(orderLock.locked_until) : null
        if (until && until.getTime() > now.getTime()) {
          const failureId = await this.logFailure(manager, input, match.id, "locked", now)
          return { ok: false, reason: "locked", locked_until: until, failure_id: failureId }
        }
      }
      return { ok: true, assignment_id: match.id, order_id: match.order_id, status: match.status, method }
    }

    const reason = method === "qr" ? "bad_token" : "wrong_code"
    let newLock: Date | null = null
    for (const lock of locks) {
      const windowStart = new Date(lock.window_started_at)
      const expired = now.getTime() - windowStart.getTime() >= LOCKOUT_MINUTES * MINUTE_MS
      const failures = (expired ? 0 : Number(lock.failures)) + 1
      if (failures >= LOCKOUT_FAILURES) {
        newLock = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE_MS)
        await manager.execute(
          `UPDATE pickup_lock SET failures = 0, window_started_at = ?, locked_until = ?, updated_at = now() WHERE subject = ? AND deleted_at IS NULL`,
          [now, newLock, lock.subject]
        )
      } else {
        await manager.execute(
          `UPDATE pickup_lock SET failures = ?, window_started_at = ?, updated_at = now() WHERE subject = ? AND deleted_at IS NULL`,
          [failures, expired ? now : windowStart, lock.subject]
        )
      }
    }
    const failureId = await this.logFailure(manager, input, assignmentHint ?? null, reason, now)
    return { ok: false, reason, locked_until: newLock, failure_id: failureId }
  }

  private async logFailure(
    manager: SqlEntityManager,
    input: VerifyInput,
    assignmentId: string | null,
    reason: "wrong_code" | "bad_token" | "locked",
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

  // ---- single-use transitions --------------------------------------------------

  /**
   * ready → collected, once. Two staff handing over the same order at the same
   * moment both run this UPDATE; PostgreSQL lets exactly one of them match
   * `status = 'ready'`, the other gets no row and a conflict.
   */
  @InjectTransactionManager()
  async claimHandover(assignmentId: string, now: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `UPDATE pickup_assignment SET status = 'collected', collected_at = ?, updated_at = now()
        WHERE id = ? AND status = 'ready' AND deleted_at IS NULL RETURNING id, order_id`,
      [now, assignmentId]
    )
    return (row as { id: string; order_id: string } | undefined) ?? null
  }

  @InjectTransactionManager()
  async unclaimHandover(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE pickup_assignment SET status = 'ready', collected_at = NULL, updated_at = now() WHERE id = ? AND status = 'collected'`,
      [assignmentId]
    )
  }

  /**
   * The first step of a check-in: of two check-ins of one batch at the same
   * moment (two staff, two servers), exactly one claims it, before either
   * writes a shortage; the other gets the documented 409. The claim is the
   * check-in time and staff on a batch still `arrived`; a claim older than
   * five minutes (a server that died mid-check-in) can be taken over.
   */
  @InjectTransactionManager()
  async claimBatchCheckIn(
    input: { batch_id: string; staff_id: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
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

  /** Compensation of claimBatchCheckIn: only this claim, only while the batch is not ready. */
  @InjectTransactionManager()
  async releaseBatchCheckIn(
    input: { batch_id: string; staff_id: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE pickup_batch SET checked_in_at = NULL, checked_in_by = NULL, updated_at = now()
        WHERE id = ? AND status = 'arrived' AND checked_in_at = ? AND checked_in_by = ?`,
      [input.batch_id, input.now, input.staff_id]
    )
  }

  /** Batch (claimed by this check-in) → ready and every placed order in it → ready with its hold expiry. */
  @InjectTransactionManager()
  async markBatchReady(
    input: { batch_id: string; staff_id: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
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

  @InjectTransactionManager()
  async unmarkBatchReady(
    input: { batch_id: string; assignment_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
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
  @InjectTransactionManager()
  async moveBatch(
    input: { batch_id: string; from: string[]; to: string; set?: Record<string, unknown> },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const set = Object.entries(input.set ?? {})
    const [row] = await manager.execute(
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

  /**
   * Sets each line's settled short quantity from `from` to `to`, only where it
   * still is `from`: a second settlement of the same shortage claims nothing.
   */
  @InjectTransactionManager()
  async claimShortageSettlement(
    lines: Array<{ id: string; from: number; to: number }>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
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
  @InjectTransactionManager()
  async expireHolds(now: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `UPDATE pickup_assignment a SET status = 'uncollected', uncollected_at = ?, disposition = p.uncollected_policy, updated_at = now()
         FROM pickup_point p
        WHERE a.status = 'ready' AND a.hold_expires_at <= ? AND a.deleted_at IS NULL AND p.id = a.pickup_point_id
        RETURNING a.id, a.order_id, a.disposition`,
      [now, now]
    )
    return rows as Array<{ id: string; order_id: string; disposition: string }>
  }

  @InjectTransactionManager()
  async unexpireHolds(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE pickup_assignment SET status = 'ready', uncollected_at = NULL, disposition = NULL, updated_at = now()
        WHERE id IN (${placeholders(ids)}) AND status = 'uncollected'`,
      ids
    )
  }

  /** Ready orders whose reminder is due at `now` and not sent yet: marks them sent, returns them. */
  @InjectTransactionManager()
  async takeDueReminders(now: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
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

  @InjectTransactionManager()
  async untakeReminders(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE pickup_assignment SET reminder_sent_at = NULL WHERE id IN (${placeholders(ids)})`,
      ids
    )
  }

  // ---- harvest freeze and disposal ----------------------------------------------

  /** Open batches whose cycle's producer cutoff is at or before `now` (candidates to freeze). */
  @InjectManager()
  async batchesDueForFreeze(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(
      `SELECT b.id FROM pickup_batch b JOIN order_cycle c ON c.id = b.cycle_id
        WHERE b.status = 'open' AND b.deleted_at IS NULL AND c.deleted_at IS NULL AND c.producer_cutoff_at <= ?
        ORDER BY c.producer_cutoff_at, b.id`,
      [new Date(now)]
    )
    return rows.map((r) => r.id as string)
  }

  /**
   * open → harvest_frozen with its frozen list, only if still open: of two
   * servers freezing the same batch, one UPDATE matches and the other freezes
   * nothing. Returns whether this call froze it.
   */
  @InjectTransactionManager()
  async freezeBatch(
    input: { batch_id: string; now: Date; snapshot: unknown },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `UPDATE pickup_batch SET status = 'harvest_frozen', harvest_frozen_at = ?, harvest_snapshot = ?::jsonb, updated_at = now()
        WHERE id = ? AND status = 'open' AND deleted_at IS NULL RETURNING id`,
      [new Date(input.now), JSON.stringify(input.snapshot), input.batch_id]
    )
    return !!row
  }

  /** Compensation of freezeBatch. */
  @InjectTransactionManager()
  async unfreezeBatches(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE pickup_batch SET status = 'open', harvest_frozen_at = NULL, harvest_snapshot = NULL, updated_at = now()
        WHERE id IN (${placeholders(ids)}) AND status = 'harvest_frozen'`,
      ids
    )
  }

  /**
   * Records what staff did with an uncollected order, once: the UPDATE only
   * matches an uncollected order without a disposal. Returns the row when this
   * call recorded it, else null (the caller reads why).
   */
  @InjectTransactionManager()
  async recordDisposal(
    input: { assignment_id: string; policy: string; note: string | null; staff_id: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string } | null> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `UPDATE pickup_assignment SET disposal_policy = ?, disposal_note = ?, disposed_by = ?, disposed_at = ?, updated_at = now()
        WHERE id = ? AND status = 'uncollected' AND disposed_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [input.policy, input.note, input.staff_id, new Date(input.now), input.assignment_id]
    )
    return (row as { id: string } | undefined) ?? null
  }

  @InjectTransactionManager()
  async clearDisposal(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `UPDATE pickup_assignment SET disposal_policy = NULL, disposal_note = NULL, disposed_by = NULL, disposed_at = NULL, updated_at = now()
        WHERE id = ?`,
      [assignmentId]
    )
  }

  // ---- counter reads (office portal) ----------------------------------------------

  /**
   * Batches of a point that may matter at the counter around `now`: pickup
   * window from the start of `dayStart` on and starting within 48 h, or ready.
   * With per-status order counts and the number of short lines.
   */
  @InjectManager()
  async counterBatches(
    input: { point_id: string; day_start: Date; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(
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

  /**
   * The counter's uncollected list: orders past their hold, and ready orders
   * whose reminder is due (near expiry), soonest expiry first.
   */
  @InjectManager()
  async counterUncollected(
    input: { point_id: string; now: Date; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as SqlEntityManager
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
  @InjectManager()
  async countUndisposed(pointId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = sharedContext.manager as SqlEntityManager
    const [{ count }] = await manager.execute(
      `SELECT COUNT(*) AS count FROM pickup_assignment
        WHERE pickup_point_id = ? AND status = 'uncollected' AND disposed_at IS NULL AND deleted_at IS NULL`,
      [pointId]
    )
    return Number(count)
  }

  /** The points a staff member is bound to (empty for an inactive or unknown staff member). */
  @InjectManager()
  async staffPointIds(staffId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = await manager.execute(
      `SELECT sp.point_id FROM pickup_staff_point sp JOIN pickup_staff s ON s.id = sp.staff_id
        WHERE sp.staff_id = ? AND sp.deleted_at IS NULL AND s.deleted_at IS NULL AND s.is_active = true`,
      [staffId]
    )
    return rows.map((r) => r.point_id as string)
  }

  // ---- residents: cancel and checkout rollback ---------------------------------

  /**
   * placed → canceled, only while the cycle's resident cutoff is after `now`.
   * The row is locked first, so two cancels of the same order run one after
   * the other and the second finds it canceled. The place goes back to the
   * batch and the code stops working. Returns what the compensation needs, or
   * why nothing changed.
   */
  @InjectTransactionManager()
  async cancelPlacedAssignment(
    assignmentId: string,
    now: Date,
    /** ignoreCutoff: an operator's cancel (Medusa Admin) is not bound by the resident cutoff. */
    options: { ignoreCutoff?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    | { ok: true; id: string; batch_id: string; perishability: string; code_hash: string | null }
    | { ok: false; reason: "not_found" | "not_placed" | "cutoff_passed"; status: string | null }
  > {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `SELECT a.id, a.status, a.batch_id, a.perishability, a.code_hash, c.resident_cutoff_at
         FROM pickup_assignment a JOIN order_cycle c ON c.id = a.order_cycle_id
        WHERE a.id = ? AND a.deleted_at IS NULL FOR UPDATE OF a`,
      [assignmentId]
    )
    if (!row) return { ok: false, reason: "not_found", status: null }
    if (row.status !== "placed") return { ok: false, reason: "not_placed", status: row.status }
    if (!options.ignoreCutoff && new Date(row.resident_cutoff_at).getTime() <= now.getTime()) {
      return { ok: false, reason: "cutoff_passed", status: row.status }
    }
    await manager.execute(
      `UPDATE pickup_assignment SET status = 'canceled', code_hash = NULL, updated_at = now() WHERE id = ?`,
      [assignmentId]
    )
    const counter = row.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
    await manager.execute(
      `UPDATE pickup_batch SET ${counter} = GREATEST(${counter} - 1, 0), updated_at = now() WHERE id = ?`,
      [row.batch_id]
    )
    return { ok: true, id: row.id, batch_id: row.batch_id, perishability: row.perishability, code_hash: row.code_hash }
  }

  /** Compensation of cancelPlacedAssignment: placed again, same code, the place taken back. */
  @InjectTransactionManager()
  async uncancelAssignment(
    input: { id: string; batch_id: string; perishability: string; code_hash: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `UPDATE pickup_assignment SET status = 'placed', code_hash = ?, updated_at = now()
        WHERE id = ? AND status = 'canceled' RETURNING id`,
      [input.code_hash, input.id]
    )
    if (!row) return
    const counter = input.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
    await manager.execute(`UPDATE pickup_batch SET ${counter} = ${counter} + 1, updated_at = now() WHERE id = ?`, [input.batch_id])
  }

  /**
   * Compensation of a checkout that failed after its place was taken, whether
   * the reservation was already placed for the order or not: lines and
   * assignment go, the place goes back to the batch (bag numbers are not reused).
   */
  @InjectTransactionManager()
  async releaseCartAssignment(cartId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `SELECT id, batch_id, perishability FROM pickup_assignment
        WHERE cart_id = ? AND deleted_at IS NULL AND status IN ('reserved', 'placed') FOR UPDATE`,
      [cartId]
    )
    if (!row) return
    await manager.execute(`DELETE FROM pickup_line WHERE assignment_id = ?`, [row.id])
    await manager.execute(`DELETE FROM pickup_assignment WHERE id = ?`, [row.id])
    const counter = row.perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"
    await manager.execute(
      `UPDATE pickup_batch SET ${counter} = GREATEST(${counter} - 1, 0), updated_at = now() WHERE id = ?`,
      [row.batch_id]
    )
  }
}

export default PickupModuleService
