import type { Context } from "@medusajs/framework/types"
import { MedusaError, generateEntityId } from "@medusajs/framework/utils"
import { CheckoutRefusal, nextCycleView } from "../../../utils/checkout-refusal"
import { nextOpenCycle, orderRefusal, type OrderRefusalCode } from "../../../utils/order-rule"
import type { CancelPlacedResult, PlaceReservationInput, ReservationRow, ReserveInput, UncancelInput } from "../types"
import { cyclesAtPointWith } from "../utils/cycles-at-point"
import { PickupSqlRepository, counterOf, givePlaceBack } from "../utils/sql-repository"

/**
 * Places in batches: a cart's reservation, its placement as the order's
 * assignment, a resident's cancel, and their undoing. The batch counters only
 * move here, under a lock on the batch or the assignment row.
 */
export class ReservationRepository extends PickupSqlRepository {
  /**
   * Reserves a place for a cart in the batch of (cycle, point), or throws a
   * CheckoutRefusal (code, message, the next open cycle at the point). The
   * batch row is held FOR UPDATE while the ordering rule (utils/order-rule:
   * cutoff, batch state, capacity) decides, so two servers can never both take
   * the last place and nothing slips in after the cutoff. Completing the same
   * cart again returns its existing reservation. Call inside a transaction.
   */
  async reserveForCart(input: ReserveInput, context: Context = {}): Promise<ReservationRow> {
    const manager = this.sql(context)
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
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "this cart already holds a place at another pickup point or cycle"
      )
    }

    const { point, cycles } = await cyclesAtPointWith(manager, {
      point_id: input.pickup_point_id,
      now,
      cycle_id: input.order_cycle_id,
    })
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
    const [batch]: Array<{ id: string; status: string; reserved_chilled: number; reserved_ambient: number }> =
      await manager.execute(
        `SELECT id, status, reserved_chilled, reserved_ambient FROM pickup_batch
          WHERE cycle_id = ? AND point_id = ? AND deleted_at IS NULL FOR UPDATE`,
        [input.order_cycle_id, input.pickup_point_id]
      )
    const refusal = orderRefusal({ cycle: cycles[0].cycle, batch, point }, input.perishability, now)
    if (refusal) throw await refuse(refusal)
    const counter = counterOf(input.perishability)
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
  async releaseReservation(cartId: string, context: Context = {}) {
    const manager = this.sql(context)
    const [row] = await manager.execute(
      `DELETE FROM pickup_assignment WHERE cart_id = ? AND status = 'reserved' AND order_id IS NULL
       RETURNING batch_id, perishability`,
      [cartId]
    )
    if (row) await givePlaceBack(manager, row.batch_id, row.perishability)
  }

  /** The reservation becomes the order's assignment, with its lines; null when the cart holds no reservation. */
  async placeReservation(
    input: PlaceReservationInput,
    context: Context = {}
  ): Promise<{ id: string; previous_status: string } | null> {
    const manager = this.sql(context)
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

  /** Compensation of placeReservation. */
  async unplaceReservation(assignmentId: string, context: Context = {}) {
    const manager = this.sql(context)
    await manager.execute(`DELETE FROM pickup_line WHERE assignment_id = ?`, [assignmentId])
    await manager.execute(
      `UPDATE pickup_assignment SET order_id = NULL, status = 'reserved', updated_at = now() WHERE id = ? AND status = 'placed'`,
      [assignmentId]
    )
  }

  /**
   * placed → canceled, only while the cycle's resident cutoff is after `now`
   * (unless `ignoreCutoff`: an operator's cancel). The row is locked first, so
   * two cancels of the same order run one after the other and the second finds
   * it canceled. The place goes back to the batch and the code stops working.
   */
  async cancelPlaced(
    assignmentId: string,
    now: Date,
    options: { ignoreCutoff?: boolean },
    context: Context = {}
  ): Promise<CancelPlacedResult> {
    const manager = this.sql(context)
    const [row] = await manager.execute(
      `SELECT a.id, a.status, a.batch_id, a.perishability, a.code_hash, c.resident_cutoff_at
         FROM pickup_assignment a JOIN order_cycle c ON c.id = a.order_cycle_id
        WHERE a.id = ? AND a.deleted_at IS NULL FOR UPDATE OF a`,
      [assignmentId]
    )
    if (!row) return { ok: false, reason: "not_found", status: null }
    if (row.status !== "placed") return { ok: false, reason: "not_placed", status: row.status }
    if (!options.ignoreCutoff && new Date(row.resident_cutoff_at).getTime() <= new Date(now).getTime()) {
      return { ok: false, reason: "cutoff_passed", status: row.status }
    }
    await manager.execute(
      `UPDATE pickup_assignment SET status = 'canceled', code_hash = NULL, updated_at = now() WHERE id = ?`,
      [assignmentId]
    )
    await givePlaceBack(manager, row.batch_id, row.perishability)
    return { ok: true, id: row.id, batch_id: row.batch_id, perishability: row.perishability, code_hash: row.code_hash }
  }

  /** Compensation of cancelPlaced: placed again, same code, the place taken back. */
  async uncancel(input: UncancelInput, context: Context = {}) {
    const manager = this.sql(context)
    const [row] = await manager.execute(
      `UPDATE pickup_assignment SET status = 'placed', code_hash = ?, updated_at = now()
        WHERE id = ? AND status = 'canceled' RETURNING id`,
      [input.code_hash, input.id]
    )
    if (!row) return
    const counter = counterOf(input.perishability)
    await manager.execute(`UPDATE pickup_batch SET ${counter} = ${counter} + 1, updated_at = now() WHERE id = ?`, [
      input.batch_id,
    ])
  }

  /**
   * Compensation of a checkout that failed after its place was taken, whether
   * the reservation was already placed for the order or not: lines and
   * assignment go, the place goes back to the batch (bag numbers are not reused).
   */
  async releaseCartAssignment(cartId: string, context: Context = {}) {
    const manager = this.sql(context)
    const [row] = await manager.execute(
      `SELECT id, batch_id, perishability FROM pickup_assignment
        WHERE cart_id = ? AND deleted_at IS NULL AND status IN ('reserved', 'placed') FOR UPDATE`,
      [cartId]
    )
    if (!row) return
    await manager.execute(`DELETE FROM pickup_line WHERE assignment_id = ?`, [row.id])
    await manager.execute(`DELETE FROM pickup_assignment WHERE id = ?`, [row.id])
    await givePlaceBack(manager, row.batch_id, row.perishability)
  }

  /**
   * An order edit (decision 024): the placed order's lines and total become
   * `lines` / `order_total_fen`, under the row lock and only while the order is
   * placed and its cycle's resident cutoff is ahead (unless `ignoreCutoff`, the
   * compensation putting back what was). The place in the batch, the bag and
   * the pickup code stay as they are; a line at 0 is soft-deleted. Returns
   * what was, for compensation.
   */
  async editPlacedLines(
    input: {
      order_id: string
      order_total_fen: number
      lines: Array<{ line_item_id: string; quantity: number; amount_fen: number }>
      now: Date
      ignoreCutoff?: boolean
    },
    context: Context = {}
  ): Promise<
    | {
        ok: true
        previous: {
          order_total_fen: number
          lines: Array<{ line_item_id: string; quantity: number; amount_fen: number }>
        }
      }
    | { ok: false; reason: "not_found" | "not_placed" | "cutoff_passed" }
  > {
    const manager = this.sql(context)
    const [row] = await manager.execute(
      `SELECT a.id, a.status, a.order_total_fen, c.resident_cutoff_at
         FROM pickup_assignment a JOIN order_cycle c ON c.id = a.order_cycle_id
        WHERE a.order_id = ? AND a.deleted_at IS NULL FOR UPDATE OF a`,
      [input.order_id]
    )
    if (!row) return { ok: false, reason: "not_found" }
    if (row.status !== "placed") return { ok: false, reason: "not_placed" }
    if (!input.ignoreCutoff && new Date(row.resident_cutoff_at).getTime() <= new Date(input.now).getTime()) {
      return { ok: false, reason: "cutoff_passed" }
    }
    const ids = input.lines.map((l) => l.line_item_id)
    const before: Array<{ line_item_id: string; quantity: number; amount_fen: number }> = ids.length
      ? await manager.execute(
          `SELECT line_item_id, quantity, amount_fen FROM pickup_line
            WHERE assignment_id = ? AND deleted_at IS NULL AND line_item_id IN (${ids.map(() => "?").join(", ")})`,
          [row.id, ...ids]
        )
      : []
    for (const line of input.lines) {
      // A line edited to 0 leaves the bag (soft-deleted: manifests and the counter no longer list it); the
      // compensation, putting a quantity back, brings it back.
      await manager.execute(
        `UPDATE pickup_line SET quantity = ?, amount_fen = ?, updated_at = now(),
                deleted_at = CASE WHEN ? = 0 THEN now() ELSE NULL END
          WHERE assignment_id = ? AND line_item_id = ?`,
        [line.quantity, line.amount_fen, line.quantity, row.id, line.line_item_id]
      )
    }
    await manager.execute(`UPDATE pickup_assignment SET order_total_fen = ?, updated_at = now() WHERE id = ?`, [
      input.order_total_fen,
      row.id,
    ])
    return {
      ok: true,
      previous: {
        order_total_fen: Number(row.order_total_fen),
        lines: before.map((l) => ({
          line_item_id: l.line_item_id,
          quantity: Number(l.quantity),
          amount_fen: Number(l.amount_fen),
        })),
      },
    }
  }
}
