import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ownPoint, staffContext } from "../../../helpers"
import type { StaffTodayResponse } from "../../../../contract"
import { readCounterDay } from "./read-model"

/**
 * GET /pickup-staff/points/:point_id/today
 * The counter's day at one of the staff member's points (read-model.ts); any
 * other point is a 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StaffTodayResponse>) {
  const ctx = await staffContext(req)
  const pointId = ownPoint(ctx, req.params.point_id)
  res.json(await readCounterDay(req.scope, { point_id: pointId, now: new Date() }))
}
