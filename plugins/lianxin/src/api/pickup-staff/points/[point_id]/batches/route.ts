import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ownPoint, pickup, staffContext } from "../../../helpers"
import type { BatchListQueryType } from "../../../validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, BatchListQueryType>, res: MedusaResponse) {
  const ctx = await staffContext(req)
  const pointId = ownPoint(ctx, req.params.point_id)
  const q = req.validatedQuery
  const [batches, count] = await pickup(req).listAndCountPickupBatches(
    { point_id: pointId, ...(q.status ? { status: q.status } : {}) },
    { take: q.limit, skip: q.offset, relations: ["cycle"], order: { created_at: "DESC" } }
  )
  res.json({ batches, count, offset: q.offset, limit: q.limit })
}
