import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ownPoint, pickup, staffContext } from "../../../helpers"
import type { PageQueryType } from "../../../validators"
import type { StaffUncollectedResponse } from "../../../../contract"
import { orderDisplayId } from "../../../../../utils/query-types"

/** Orders past their hold (and ready ones near expiry) with what was done with them. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, PageQueryType>,
  res: MedusaResponse<StaffUncollectedResponse>
) {
  const ctx = await staffContext(req)
  const pointId = ownPoint(ctx, req.params.point_id)
  const q = req.validatedQuery
  const { rows, count } = await pickup(req).counterUncollected({ point_id: pointId, now: new Date(), ...q })
  const displayIds = new Map<string, number>()
  const orderIds = rows.map((r) => r.order_id).filter(Boolean)
  if (orderIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
    for (const o of data) displayIds.set(o.id, orderDisplayId(o))
  }
  res.json({
    assignments: rows.map((r) => ({
      id: r.id,
      order_id: r.order_id,
      display_id: displayIds.get(r.order_id) ?? null,
      bag_number: Number(r.bag_number),
      masked_name: r.resident_name_masked,
      phone_last4: r.phone_last4,
      status: r.status,
      hold_expires_at: r.hold_expires_at,
      policy: r.policy,
      disposal: r.disposed_at
        ? { policy: r.disposal_policy, note: r.disposal_note, staff_id: r.disposed_by, disposed_at: r.disposed_at }
        : null,
    })),
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
