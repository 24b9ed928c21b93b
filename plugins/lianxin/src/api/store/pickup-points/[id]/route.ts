import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseOr400 } from "../../../utils/zod-issues"
import { customerIdOf } from "../../helpers/order-proof"
import { activePoint, openCycles, publicPoint } from "../helpers"
import { StoreEmptyQuery } from "../validators"
import type { StorePickupPointResponse } from "../../../contract"

/** One active point as in the list, with its office and the cycles open for orders there; 404 when unknown or inactive. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StorePickupPointResponse>) {
  parseOr400(StoreEmptyQuery, req.query)
  const point = await activePoint(req, req.params.id)
  let remembered: string | null = null
  const customerId = customerIdOf(req)
  if (customerId) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "pickup_point.id"],
      filters: { id: customerId },
    })
    remembered = (data[0] as any)?.pickup_point?.id ?? null
  }
  res.json({ pickup_point: { ...publicPoint(point, remembered), order_cycles: await openCycles(req, point) } })
}
