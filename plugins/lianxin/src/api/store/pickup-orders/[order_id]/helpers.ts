import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { cartIdSchema, orderForOwner } from "../../helpers/order-proof"

/** GET ?cart_id= / POST { cart_id }: how a guest proves the order is theirs (a signed-in owner sends nothing). */
export const StorePickupOrderProof = z.object({ cart_id: cartIdSchema.optional() }).strict()

/** The order's pickup for its signed-in owner or the guest holding its cart; 404 for anyone else's. */
export async function ownPickup(req: AuthenticatedMedusaRequest, cartId?: string) {
  const order = await orderForOwner(req, req.params.order_id, cartId, [
    "pickup_assignment.*",
    "pickup_assignment.lines.*",
  ])
  if (!order.pickup_assignment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${req.params.order_id} was not found`)
  }
  return order.pickup_assignment
}

export type StorePickupOrderProofType = z.infer<typeof StorePickupOrderProof>
