import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPickupPointsWorkflow } from "../../../workflows/pickup/create-pickup-points"
import { pickup } from "../../pickup-staff/helpers"
import type { AdminCreatePickupPointType, AdminListQueryType } from "../pickup-offices/validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const [points, count] = await pickup(req).listAndCountPickupPoints(
    {},
    { take: q.limit, skip: q.offset, relations: ["office"], order: { code: "ASC" } }
  )
  res.json({ pickup_points: points, count, offset: q.offset, limit: q.limit })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreatePickupPointType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createPickupPointsWorkflow(req.scope).run({ input: { points: [body] } })
  res.status(201).json({ pickup_point: result[0] })
}
