import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issuePickupCodeWorkflow } from "../../../../../workflows/pickup/issue-pickup-code"
import { type StorePickupOrderProofType, ownPickup } from "../helpers"
import type { StoreIssuedCodeResponse } from "../../../../contract"

/**
 * Issues a new pickup code and QR token and shows them this once: only their
 * HMAC is kept. Any earlier code (and QR) stops working. For the signed-in
 * owner, or a guest with { cart_id } of the cart the order was placed from.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StorePickupOrderProofType>,
  res: MedusaResponse<StoreIssuedCodeResponse>
) {
  const { cart_id } = req.validatedBody
  const a = await ownPickup(req, cart_id)
  const { result } = await issuePickupCodeWorkflow(req.scope).run({ input: { assignment_id: a.id } })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ pickup_code: { code: result.code, qr_token: result.qr_token } })
}
