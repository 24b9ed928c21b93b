import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type StorePickupOrderProofType, ownPickup } from "./helpers"
import { readStoreOrderPickup } from "./read-model"
import type { StoreOrderPickupResponse } from "../../../contract"

/**
 * GET /store/pickup-orders/:order_id[?cart_id=]
 * Where and when to collect, the state, what is left to pay, and the QR token
 * (never the code; read-model.ts). For the signed-in owner, or a guest with
 * ?cart_id= of the cart the order was placed from.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StorePickupOrderProofType>,
  res: MedusaResponse<StoreOrderPickupResponse>
) {
  const { cart_id } = req.validatedQuery
  const a = await ownPickup(req, cart_id)
  const answer = await readStoreOrderPickup(req.scope, { pickup: a })
  res.setHeader("Cache-Control", "no-store")
  res.json(answer)
}
