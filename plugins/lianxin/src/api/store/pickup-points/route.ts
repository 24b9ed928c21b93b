import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pickup } from "../../pickup-staff/helpers"
import { publicPoint, rememberedPointId } from "./helpers"
import type { StorePickupPointsQueryType } from "./validators"
import type { StorePickupPointsResponse } from "../../contract"

/** Active pickup points with their office's public details; the resident's remembered point first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StorePickupPointsQueryType>,
  res: MedusaResponse<StorePickupPointsResponse>
) {
  const q = req.validatedQuery
  const points = await pickup(req).listPickupPoints(
    { is_active: true },
    { take: 1000, relations: ["office"], order: { code: "ASC" } }
  )
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  const remembered = customerId ? await rememberedPointId(req, customerId) : null
  const visible = points
    .filter((p) => p.office?.is_active)
    .filter((p) => !q.city || p.office.city === q.city)
    .filter((p) => !q.q || `${p.name}${p.office.compound_name}${p.office.address}`.includes(q.q))
    .sort((a, b) => Number(b.id === remembered) - Number(a.id === remembered))
  const page = visible.slice(q.offset, q.offset + q.limit).map((p) => publicPoint(p, remembered))
  res.json({ pickup_points: page, count: visible.length, offset: q.offset, limit: q.limit })
}
