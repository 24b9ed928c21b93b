import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOr400 } from "../../../../utils/zod-issues"
import { ownPoint, pickup, staffContext } from "../../../helpers"
import { BatchListQuery } from "../../../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await staffContext(req)
  const pointId = ownPoint(ctx, req.params.point_id)
  const q = parseOr400(BatchListQuery, req.query)
  const [batches, count] = await pickup(req).listAndCountPickupBatches(
    { point_id: pointId, ...(q.status ? { status: q.status } : {}) },
    { take: q.limit, skip: q.offset, relations: ["cycle"], order: { created_at: "DESC" } }
  )
  res.json({ batches, count, offset: q.offset, limit: q.limit })
}
