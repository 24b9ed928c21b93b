import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ORDER_ID, findOwnedOrder } from "../../../workflows/pickup/steps/assert-order-owner"
import { z } from "@medusajs/framework/zod"

/** A cart id as Medusa makes them: the guest's proof that an order is theirs. */
export const cartIdSchema = z.string().regex(/^cart_[0-9A-Za-z]{10,40}$/, "must be a cart id (cart_…)")
export const orderIdSchema = z.string().regex(ORDER_ID, "must be an order id (order_…)")

/** The signed-in customer's id, or null (anonymous, or another actor's token). */
export function customerIdOf(req: AuthenticatedMedusaRequest): string | null {
  return req.auth_context?.actor_type === "customer" && req.auth_context.actor_id ? req.auth_context.actor_id : null
}

/**
 * Reads an order for whoever may see it: its signed-in customer, or a guest
 * holding the cart the order was placed from; anyone else a 404, nobody a 401
 * (findOwnedOrder, the check the resident's writes run as their workflow's
 * first step, assert-order-owner).
 */
export async function orderForOwner<T = any>(
  req: AuthenticatedMedusaRequest,
  orderId: string,
  cartId: string | undefined,
  fields: string[]
): Promise<T> {
  return findOwnedOrder<T>(req.scope, { order_id: orderId, customer_id: customerIdOf(req), cart_id: cartId }, fields)
}
