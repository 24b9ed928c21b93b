import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseOr400 } from "../../utils/zod-issues"
import { pickup } from "../../pickup-staff/helpers"
import { publicPoint } from "./helpers"
import { StorePickupPointsQuery } from "./validators"
import type { StorePickupPointsResponse } from "../../contract"

/** Active pickup points with their office's public details; the resident's remembered point first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StorePickupPointsResponse>) {
  const q = parseOr400(StorePickupPointsQuery, req.query)
  const points = await pickup(req).listPickupPoints(
    { is_active: true },
    { take: 1000, relations: ["office"], order: { code: "ASC" } }
  )
  let remembered: string | null = null
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  if (customerId) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "pickup_point.id"],
      filters: { id: customerId },
    })
    remembered = (data[0] as any)?.pickup_point?.id ?? null
  }
  const visible = points
    .filter((p: any) => p.office?.is_active)
    .filter((p: any) => !q.city || p.office.city === q.city)
    .filter((p: any) => !q.q || `${p.name}${p.office.compound_name}${p.office.address}`.includes(q.q))
    .sort((a: any, b: any) => Number(b.id === remembered) - Number(a.id === remembered))
  const page = visible.slice(q.offset, q.offset + q.limit).map((p: any) => publicPoint(p, remembered))
  res.json({ pickup_points: page, count: visible.length, offset: q.offset, limit: q.limit })
}
