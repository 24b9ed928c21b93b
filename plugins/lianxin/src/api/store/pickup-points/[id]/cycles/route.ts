import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOr400 } from "../../../../utils/zod-issues"
import { activePoint, openCycles } from "../../helpers"
import { StoreEmptyQuery } from "../../validators"
import type { StoreOrderCyclesResponse } from "../../../../contract"

/** Cycles still open for orders at this point, with places left (a hint: checkout decides). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOrderCyclesResponse>) {
  parseOr400(StoreEmptyQuery, req.query)
  const point = await activePoint(req, req.params.id)
  res.json({ order_cycles: await openCycles(req, point) })
}
