import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ownAssignment, staffContext, staffView } from "../../helpers"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await staffContext(req)
  res.json({ pickup: staffView(await ownAssignment(req, ctx, req.params.id)) })
}
