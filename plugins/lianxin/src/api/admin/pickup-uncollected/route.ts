import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type PickupModuleService from "../../../modules/pickup/service"
import { pickup } from "../../pickup-staff/helpers"
import { orderDisplayId } from "../../../utils/query-types"
import type { AdminUncollectedQueryType } from "../pickup-offices/validators"

type AssignmentRow = Awaited<ReturnType<PickupModuleService["listPickupAssignments"]>>[number]

/** An uncollected order as operators read it (no resident data beyond what the counter shows). */
export function uncollectedView(a: AssignmentRow, displayId: number | null) {
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
  for (const o of data) out.set(o.id, orderDisplayId(o))
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
  const ids = await displayIdsOf(req, rows.map((r) => r.order_id).filter(Boolean) as string[])
  res.json({
    assignments: rows.map((r) => uncollectedView(r, (r.order_id ? ids.get(r.order_id) : undefined) ?? null)),
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
