import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPickupPointsWorkflow } from "../../../workflows/pickup/create-pickup-points"
import { parseOr400 } from "../../utils/zod-issues"
import { pickup } from "../../pickup-staff/helpers"
import { AdminCreatePickupPoint, AdminListQuery } from "../pickup-offices/validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseOr400(AdminListQuery, req.query)
  const [points, count] = await pickup(req).listAndCountPickupPoints({}, { take: q.limit, skip: q.offset, relations: ["office"], order: { code: "ASC" } })
  res.json({ pickup_points: points, count, offset: q.offset, limit: q.limit })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(AdminCreatePickupPoint, req.body)
  const { result } = await createPickupPointsWorkflow(req.scope).run({ input: { points: [body] } })
  res.status(201).json({ pickup_point: result[0] })
}
