import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { orderForOwner } from "../../../helpers/order-proof"
import type { StoreGetOwnOrderQueryType } from "../validators"
import { STORE_ORDER_FIELDS, type StoreOwnOrder, type StoreOwnOrderResponse } from "../../../../contract"

/**
 * An order for its owner only: the signed-in customer it belongs to, or a
 * guest with ?cart_id= of the cart it was placed from (decision 007/015).
 * Anyone else — also a signed-in stranger — gets the 404 of an order that does
 * not exist; with neither a session nor a cart id it is a 401. Medusa's own
 * GET /store/orders/:id answers only the signed-in owner (api/store/ownership.ts).
 *
 * → { order }
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreGetOwnOrderQueryType>,
  res: MedusaResponse<StoreOwnOrderResponse>
) {
  const { cart_id } = req.validatedQuery
  await orderForOwner(req, req.params.id, cart_id, ["id"])
  const { result } = await getOrderDetailWorkflow(req.scope).run({
    input: { fields: [...STORE_ORDER_FIELDS], order_id: req.params.id, filters: { is_draft_order: false } },
  })
  res.setHeader("Cache-Control", "no-store")
  // Medusa's DTO types dates as Date | string; on the wire they are the ISO strings of the contract.
  res.json({ order: result as unknown as StoreOwnOrder })
}
