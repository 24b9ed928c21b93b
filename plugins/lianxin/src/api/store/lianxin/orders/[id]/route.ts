import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { parseOr400 } from "../../../../utils/zod-issues"
import { orderForOwner } from "../../../helpers/order-proof"
import { StoreGetOwnOrderQuery } from "../validators"

/** What the owner's order page shows (Medusa's totals included). */
export const OWN_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "fulfillment_status",
  "payment_status",
  "created_at",
  "email",
  "currency_code",
  "total",
  "subtotal",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.product_handle",
  "items.product_title",
  "items.title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "shipping_address.first_name",
  "shipping_address.phone",
  "metadata",
]

/**
 * An order for its owner only: the signed-in customer it belongs to, or a
 * guest with ?cart_id= of the cart it was placed from (decision 007/015).
 * Anyone else — also a signed-in stranger — gets the 404 of an order that does
 * not exist; with neither a session nor a cart id it is a 401. Medusa's own
 * GET /store/orders/:id answers only the signed-in owner (api/store/ownership.ts).
 *
 * → { order }
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { cart_id } = parseOr400(StoreGetOwnOrderQuery, req.query)
  await orderForOwner(req, req.params.id, cart_id, ["id"])
  const { result } = await getOrderDetailWorkflow(req.scope).run({
    input: { fields: OWN_ORDER_FIELDS, order_id: req.params.id, filters: { is_draft_order: false } },
  })
  res.setHeader("Cache-Control", "no-store")
  res.json({ order: result })
}
