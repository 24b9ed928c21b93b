import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { activePoint, openCycles } from "../../helpers"
import type { StoreOrderCyclesResponse } from "../../../../contract"

/** Cycles still open for orders at this point, with places left (a hint: checkout decides). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOrderCyclesResponse>) {
  const point = await activePoint(req, req.params.id)
  res.json({ order_cycles: await openCycles(req, point) })
}
