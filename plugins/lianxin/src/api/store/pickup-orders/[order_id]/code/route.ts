import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { showPickupCodeWorkflow } from "../../../../../workflows/pickup/show-pickup-code"
import { customerIdOf } from "../../../helpers/order-proof"
import type { StorePickupOrderProofType } from "../helpers"
import type { StoreIssuedCodeResponse } from "../../../../contract"

/**
 * Issues a new pickup code and QR token and shows them this once: only their
 * HMAC is kept. Any earlier code (and QR) stops working. For the signed-in
 * owner, or a guest with { cart_id } of the cart the order was placed from
 * (the workflow's first step decides: anyone else 404, nobody 401).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StorePickupOrderProofType>,
  res: MedusaResponse<StoreIssuedCodeResponse>
) {
  const { result } = await showPickupCodeWorkflow(req.scope).run({
    input: { order_id: req.params.order_id, customer_id: customerIdOf(req), cart_id: req.validatedBody.cart_id },
  })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ pickup_code: { code: result.code, qr_token: result.qr_token } })
}
