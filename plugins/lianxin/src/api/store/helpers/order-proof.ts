import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** A cart id as Medusa makes them: the guest's proof that an order is theirs. */
export const cartIdSchema = z.string().regex(/^cart_[0-9A-Za-z]{10,40}$/, "must be a cart id (cart_…)")
export const orderIdSchema = z.string().regex(/^order_[0-9A-Za-z]{10,40}$/, "must be an order id (order_…)")

/** The signed-in customer's id, or null (anonymous, or another actor's token). */
export function customerIdOf(req: AuthenticatedMedusaRequest): string | null {
  return req.auth_context?.actor_type === "customer" && req.auth_context.actor_id ? req.auth_context.actor_id : null
}

/**
 * Reads an order for whoever may act on it: its signed-in customer, or a
 * guest holding the cart the order was placed from (Medusa links order ↔
 * cart). Anyone else gets the same 404 as for an order that does not exist;
 * with neither a customer session nor a cart id it is a 401.
 */
export async function orderForOwner<T = any>(
  req: AuthenticatedMedusaRequest,
  orderId: string,
  cartId: string | undefined,
  fields: string[]
): Promise<T> {
  const customerId = customerIdOf(req)
  if (!customerId && !cartId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `order ${orderId} was not found`)
  const parsed = orderIdSchema.safeParse(orderId)
  if (!parsed.success) throw notFound()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [...new Set(["id", "customer_id", ...fields])],
    filters: { id: orderId },
  })
  const [order] = data as Array<{ id: string; customer_id: string | null }>
  if (!order) throw notFound()
  if (customerId && order.customer_id === customerId) return order as T
  if (cartId) {
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["order_id", "cart_id"],
      filters: { order_id: orderId },
    })
    if ((links as Array<{ cart_id: string }>).some((l) => l.cart_id === cartId)) return order as T
  }
  throw notFound()
}
