import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { statementWithLines } from "../helpers"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ statement: await statementWithLines(req.scope, req.params.id) })
}
