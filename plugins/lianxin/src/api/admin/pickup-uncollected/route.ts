import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pickup } from "../../pickup-staff/helpers"
import type { AdminUncollectedQueryType } from "../pickup-offices/validators"

/** An uncollected order as operators read it (no resident data beyond what the counter shows). */
export function uncollectedView(a: any, displayId: number | null) {
  return {
    id: a.id,
    order_id: a.order_id,
    display_id: displayId,
    bag_number: Number(a.bag_number),
    masked_name: a.resident_name_masked,
    point: a.batch?.point ? { id: a.batch.point.id, code: a.batch.point.code, name: a.batch.point.name } : null,
    cycle: a.batch?.cycle ? { id: a.batch.cycle.id, name: a.batch.cycle.name } : null,
    uncollected_at: a.uncollected_at,
    policy: a.disposition ?? a.batch?.point?.uncollected_policy ?? null,
    disposal: a.disposed_at
      ? { policy: a.disposal_policy, note: a.disposal_note, by: a.disposed_by, disposed_at: a.disposed_at }
      : null,
  }
}

export async function displayIdsOf(req: AuthenticatedMedusaRequest, orderIds: string[]) {
  const out = new Map<string, number>()
  if (!orderIds.length) return out
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
  for (const o of data as Array<{ id: string; display_id: number }>) out.set(o.id, o.display_id)
  return out
}

/** Orders past their hold at every point (or one), newest first; `disposed=false` leaves the handled ones out. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminUncollectedQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const filters: Record<string, unknown> = { status: "uncollected" }
  if (q.point_id) filters.pickup_point_id = q.point_id
  if (q.disposed === "false") filters.disposed_at = null
  if (q.disposed === "true") filters.disposed_at = { $ne: null }
  const [rows, count] = await pickup(req).listAndCountPickupAssignments(filters, {
    take: q.limit,
    skip: q.offset,
    relations: ["batch", "batch.point", "batch.cycle"],
    order: { uncollected_at: "DESC" },
  })
  const ids = await displayIdsOf(req, rows.map((r: any) => r.order_id).filter(Boolean))
  res.json({
    assignments: rows.map((r: any) => uncollectedView(r, ids.get(r.order_id) ?? null)),
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
