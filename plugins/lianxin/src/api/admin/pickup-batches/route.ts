import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type PickupModuleService from "../../../modules/pickup/service"
import { pickup } from "../../pickup-staff/helpers"
import type { AdminBatchListQueryType } from "../pickup-offices/validators"

type BatchRow = Awaited<ReturnType<PickupModuleService["listPickupBatches"]>>[number]

/** A batch as operators read it: its point, cycle, check-in result and its orders counted by status. */
export function batchAdminView(b: BatchRow, counts: Record<string, number>) {
  return {
    id: b.id,
    status: b.status,
    point: b.point ? { id: b.point.id, code: b.point.code, name: b.point.name } : null,
    cycle: b.cycle
      ? {
          id: b.cycle.id,
          name: b.cycle.name,
          rhythm: b.cycle.rhythm,
          resident_cutoff_at: b.cycle.resident_cutoff_at,
          pickup_starts_at: b.cycle.pickup_starts_at,
          pickup_ends_at: b.cycle.pickup_ends_at,
        }
      : null,
    reserved_chilled: b.reserved_chilled,
    reserved_ambient: b.reserved_ambient,
    harvest_frozen_at: b.harvest_frozen_at,
    arrived_at: b.arrived_at,
    checked_in_at: b.checked_in_at,
    checked_in_by: b.checked_in_by,
    shortages: (b.shortages ?? []).map((s) => ({
      id: s.id,
      variant_id: s.variant_id,
      missing_quantity: s.missing_quantity,
      note: s.note,
      allocations: s.allocations,
    })),
    orders: counts,
  }
}

export async function statusCounts(req: AuthenticatedMedusaRequest, batchIds: string[]) {
  const out = new Map<string, Record<string, number>>()
  if (!batchIds.length) return out
  const rows = await pickup(req).listPickupAssignments(
    { batch_id: batchIds, status: ["placed", "ready", "collected", "uncollected", "canceled"] },
    { select: ["id", "batch_id", "status"], take: 100_000 }
  )
  for (const r of rows) {
    const c = out.get(r.batch_id) ?? {}
    c[r.status] = (c[r.status] ?? 0) + 1
    out.set(r.batch_id, c)
  }
  return out
}

/** Every point's batches, newest cycle first; filter by point or cycle. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminBatchListQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (q.point_id) filters.point_id = q.point_id
  if (q.order_cycle_id) filters.cycle_id = q.order_cycle_id
  const [batches, count] = await pickup(req).listAndCountPickupBatches(filters, {
    take: q.limit,
    skip: q.offset,
    relations: ["point", "cycle", "shortages"],
    order: { created_at: "DESC" },
  })
  const counts = await statusCounts(
    req,
    batches.map((b) => b.id)
  )
  res.json({
    pickup_batches: batches.map((b) => batchAdminView(b, counts.get(b.id) ?? {})),
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
