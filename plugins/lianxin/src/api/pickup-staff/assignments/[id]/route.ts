import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { counterView, ownAssignment, staffContext } from "../../helpers"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await staffContext(req)
  res.json({ pickup: await counterView(req, await ownAssignment(req, ctx, req.params.id)) })
}
