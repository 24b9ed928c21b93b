import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { counterView, ownAssignment, staffContext } from "../../helpers"
import type { StaffCounterPickupResponse } from "../../../contract"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StaffCounterPickupResponse>) {
  const ctx = await staffContext(req)
  res.json({ pickup: await counterView(req, await ownAssignment(req, ctx, req.params.id)) })
}
