import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { InferTypeOf } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../../modules/pickup"
import type { PickupAssignment, PickupBatch } from "../../modules/pickup/models"
import type PickupModuleService from "../../modules/pickup/service"
import {
  amountToCollectFen,
  harvestManifest,
  type HarvestManifestRow,
  type HarvestSnapshot,
} from "../../utils/pickup-counter"
import { toFen } from "../../utils/money"
import { harvestBatchNote, maskResidentName, type PickupListRow } from "../../utils/pickup-manifest"
import { orderDisplayId, rows } from "../../utils/query-types"
import { harvestBatchesOfLines } from "../../workflows/listing/trace-reads"
import { harvestRowsOf, withProducerNames } from "../../workflows/pickup/steps/harvest"
import type { Query } from "../../workflows/pickup/steps/service"
import { errorFields } from "../error-handler"
import type { ConflictAnswer, PickupStatus, StaffCounterPickup, Timestamp } from "../contract"

export const pickup = (req: MedusaRequest) => req.scope.resolve(PICKUP_MODULE) as PickupModuleService

/**
 * Medusa's error handler replaces every 409 message with a generic one; the
 * counter needs to say what happened ("already checked in", "already
 * disposed"), so conflicts from these workflows are answered here.
 * Returns undefined when the conflict was answered.
 */
export async function answerConflict<T>(
  res: MedusaResponse<ConflictAnswer>,
  run: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await run()
  } catch (e) {
    // A workflow rethrows its step's MedusaError as a plain error object: read its fields, not its class.
    const error = errorFields(e)
    if (error?.type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", message: String(error.message) })
      return undefined
    }
    throw e
  }
}

type StaffContext = { staffId: string; pointIds: string[] }

/** One look-up per request: the area's middleware (activeStaffOnly) and the handler share it. */
const staffContexts = new WeakMap<object, Promise<StaffContext>>()

/** The signed-in staff member and the points they act for; 401 when deactivated. */
export function staffContext(req: AuthenticatedMedusaRequest): Promise<StaffContext> {
  let ctx = staffContexts.get(req)
  if (!ctx) {
    ctx = loadStaffContext(req)
    staffContexts.set(req, ctx)
  }
  return ctx
}

async function loadStaffContext(req: AuthenticatedMedusaRequest): Promise<StaffContext> {
  const staffId = req.auth_context?.actor_id
  if (!staffId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const pointIds = await pickup(req).staffPointIds(staffId)
  if (!pointIds.length) {
    const [staff] = await pickup(req).listPickupStaffs({ id: staffId, is_active: true }, { take: 1 })
    if (!staff) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }
  return { staffId, pointIds }
}

const notFound = (what: string, id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `${what} ${id} was not found`)

/** 404 unless the point is one of the staff member's: other points do not exist for them. */
export function ownPoint(ctx: { pointIds: string[] }, pointId: string) {
  if (!ctx.pointIds.includes(pointId)) throw notFound("pickup point", pointId)
  return pointId
}

/** A pickup batch as the Pickup Module lists it (`point_id`, `cycle_id` included). */
export type PickupBatchRow = InferTypeOf<typeof PickupBatch>
/** A pickup assignment as the Pickup Module lists it; `lines` and `handovers` when asked for as relations. */
export type PickupAssignmentRow = InferTypeOf<typeof PickupAssignment>
/** An assignment of a placed order (the counter's): it has its order, and is no longer a reservation. */
export type PlacedAssignmentRow = PickupAssignmentRow & { order_id: string; status: PickupStatus }

const isPlaced = (a: PickupAssignmentRow): a is PlacedAssignmentRow => !!a.order_id && a.status !== "reserved"

/** An instant as res.json writes a Date (toJSON is toISOString): the contract's Timestamp. */
export const timestamp = (at: Date | string): Timestamp => new Date(at).toISOString()
const timestampOrNull = (at: Date | string | null | undefined): Timestamp | null => (at ? timestamp(at) : null)

export async function ownBatch(
  req: MedusaRequest,
  ctx: { pointIds: string[] },
  batchId: string
): Promise<PickupBatchRow> {
  const [batch] = await pickup(req).listPickupBatches({ id: batchId }, { take: 1 })
  if (!batch || !ctx.pointIds.includes(batch.point_id)) throw notFound("batch", batchId)
  return batch
}

/** 404 unless the assignment is at one of the staff member's points and has its order (lines and handovers loaded). */
export async function ownAssignment(
  req: MedusaRequest,
  ctx: { pointIds: string[] },
  id: string
): Promise<PlacedAssignmentRow> {
  const [a] = await pickup(req).listPickupAssignments({ id }, { take: 1, relations: ["lines", "handovers"] })
  // An order id comes with placement (status placed); a reservation never has one.
  if (!a || !ctx.pointIds.includes(a.pickup_point_id) || !isPlaced(a)) throw notFound("pickup", id)
  return a
}

/** What staff see of an order: no full name, no full phone, never the code hash. */
export function staffView(a: PlacedAssignmentRow) {
  return {
    id: a.id,
    order_id: a.order_id,
    pickup_point_id: a.pickup_point_id,
    order_cycle_id: a.order_cycle_id,
    status: a.status,
    perishability: a.perishability,
    bag_number: a.bag_number,
    // Both are written at placement; the fallbacks are the pickup list's.
    resident: a.resident_name_masked ?? maskResidentName(""),
    phone_last4: a.phone_last4 ?? "",
    order_total_fen: a.order_total_fen,
    refunded_fen: a.refunded_fen,
    collect_reduction_fen: a.collect_reduction_fen,
    ready_at: timestampOrNull(a.ready_at),
    hold_expires_at: timestampOrNull(a.hold_expires_at),
    collected_at: timestampOrNull(a.collected_at),
    uncollected_at: timestampOrNull(a.uncollected_at),
    disposition: a.disposition,
    lines: (a.lines ?? []).map((l) => ({
      line_item_id: l.line_item_id,
      variant_id: l.variant_id,
      title: l.title,
      quantity: l.quantity,
      short_quantity: l.short_quantity,
      handed_over_quantity: l.handed_over_quantity,
      refund_fen: l.refund_fen,
    })),
    handovers: (a.handovers ?? []).map((h) => ({
      id: h.id,
      staff_id: h.staff_id,
      kind: h.kind,
      method: h.method,
      proxy: h.proxy,
      proxy_name: h.proxy_name,
      lines: h.lines,
      amount_to_collect_fen: h.amount_to_collect_fen,
      captured_fen: h.captured_fen,
      fulfillment_id: h.fulfillment_id,
      handed_over_at: timestamp(h.handed_over_at),
    })),
  }
}

/**
 * What the counter screen shows for one order: staffView plus the amount
 * still to collect, whether it was paid online, the variant of each line,
 * the order's display id and the disposal, read across modules.
 */
export async function counterView(req: MedusaRequest, a: PlacedAssignmentRow): Promise<StaffCounterPickup> {
  const query: Query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "items.id",
      "items.variant_title",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: a.order_id },
  })
  const order = data[0] ?? {}
  const counterCaptures = new Set((a.handovers ?? []).map((h) => h.payment_capture_id).filter(Boolean))
  let paid = 0
  let paidOnline = 0
  for (const pc of rows(order.payment_collections)) {
    for (const p of rows(pc.payments)) {
      for (const c of rows(p.captures)) {
        paid += toFen(c.amount)
        if (!counterCaptures.has(c.id)) paidOnline += toFen(c.amount)
      }
      paid -= rows(p.refunds).reduce((s, r) => s + toFen(r.amount), 0)
    }
  }
  const variants = new Map<string, string | null>(rows(order.items).map((i) => [i.id, i.variant_title ?? null]))
  const view = staffView(a)
  return {
    ...view,
    display_id: order.display_id == null ? null : orderDisplayId(order),
    masked_name: view.resident,
    paid_online: paidOnline > 0,
    amount_to_collect_fen:
      a.status === "ready" || a.status === "placed"
        ? amountToCollectFen({
            order_total_fen: Number(a.order_total_fen),
            collect_reduction_fen: Number(a.collect_reduction_fen),
            refunded_fen: Number(a.refunded_fen),
            paid_fen: paid,
            declined_fen: 0,
          })
        : 0,
    lines: view.lines.map((l, i) => ({
      ...l,
      variant_title: variants.get(l.line_item_id) ?? null,
      declined_quantity: Number(a.lines[i].declined_quantity ?? 0),
      damaged_quantity: Number(a.lines[i].damaged_quantity ?? 0),
    })),
    // The disposal route writes the policy, who and when together.
    disposal:
      a.disposed_at && a.disposal_policy && a.disposed_by
        ? {
            policy: a.disposal_policy,
            note: a.disposal_note,
            staff_id: a.disposed_by,
            disposed_at: timestamp(a.disposed_at),
          }
        : null,
  }
}

/** The batch's pickup list (by resident) and harvest list (by household). */
export async function buildManifest(req: MedusaRequest, batch: Pick<PickupBatchRow, "id" | "harvest_snapshot">) {
  const assignments = (
    await pickup(req).listPickupAssignments(
      { batch_id: batch.id, status: ["placed", "ready", "collected", "uncollected"] },
      { take: 10_000, relations: ["lines"], order: { bag_number: "ASC" } }
    )
  ).filter(isPlaced)
  const traced = await harvestBatchesOfLines(
    req.scope,
    assignments.flatMap((a) => (a.lines ?? []).map((l) => l.line_item_id))
  )
  const pickupList: PickupListRow[] = assignments.map((a) => ({
    bag_number: a.bag_number,
    resident: a.resident_name_masked ?? maskResidentName(""),
    phone_last4: a.phone_last4 ?? "",
    order_id: a.order_id,
    status: a.status,
    items: (a.lines ?? [])
      .map((l) => `${l.title}×${l.quantity - l.short_quantity}${l.short_quantity ? `（缺${l.short_quantity}）` : ""}`)
      .join("；"),
    amount_to_collect_fen: Math.max(
      0,
      Number(a.order_total_fen) - Number(a.collect_reduction_fen) - Number(a.refunded_fen)
    ),
    harvest_batches: (a.lines ?? [])
      .filter((l) => traced.has(l.line_item_id))
      .map((l) => harvestBatchNote(l.title, traced.get(l.line_item_id)!))
      .join("；"),
  }))
  const query: Query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const snapshot = (batch.harvest_snapshot as HarvestSnapshot | null) ?? null
  let harvest: HarvestManifestRow[]
  if (snapshot) {
    const frozenIds = new Set(snapshot.assignment_ids ?? [])
    const late = assignments.filter((a) => !frozenIds.has(a.id))
    harvest = harvestManifest(snapshot, [], late.length ? await harvestRowsOf(query, late) : [])
  } else {
    harvest = harvestManifest(null, await harvestRowsOf(query, assignments), [])
  }
  // Rows frozen before the lists carried producer codes and names get them at read time.
  return { pickupList, harvest: await withProducerNames(query, harvest) }
}
