import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readOrderTrace } from "../../../../../../workflows/listing/trace-reads"
import { orderForOwner } from "../../../../helpers/order-proof"
import type { StoreGetOwnOrderQueryType } from "../../validators"
import type { StoreOrderTraceResponse } from "../../../../../contract"

/**
 * An order's provenance for its owner only (the same proof as GET
 * /store/lianxin/orders/:id: the signed-in customer, or ?cart_id= of the cart
 * it was placed from; anyone else a 404): the harvest batch and 合格证 behind
 * each line (once traced at the harvest freeze or check-in), and what the
 * order's own ledger accruals credit to households — `pending` until the
 * order.placed subscriber has posted them (decision 023).
 *
 * → { trace: { order_id, lines, households } }
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreGetOwnOrderQueryType>,
  res: MedusaResponse<StoreOrderTraceResponse>
) {
  const { cart_id } = req.validatedQuery
  const order = await orderForOwner<{ id: string; items?: Array<{ id: string; product_id: string | null }> }>(
    req,
    req.params.id,
    cart_id,
    ["items.id", "items.product_id"]
  )
  const trace = await readOrderTrace(req.scope, order.id, order.items ?? [])
  res.setHeader("Cache-Control", "no-store")
  res.json({ trace })
}
