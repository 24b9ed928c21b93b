import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerIdOf } from "../../helpers/order-proof"
import { activePoint, openCycles, publicPoint, rememberedPointId } from "../helpers"
import type { StorePickupPointResponse } from "../../../contract"

/** One active point as in the list, with its office and the cycles open for orders there; 404 when unknown or inactive. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StorePickupPointResponse>) {
  const point = await activePoint(req, req.params.id)
  const customerId = customerIdOf(req)
  const remembered = customerId ? await rememberedPointId(req, customerId) : null
  res.json({ pickup_point: { ...publicPoint(point, remembered), order_cycles: await openCycles(req, point) } })
}
