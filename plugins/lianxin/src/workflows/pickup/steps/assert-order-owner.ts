import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Who asks to act on an order: the signed-in customer's id (null for a guest)
 * and, for a guest, the id of the cart the order was placed from.
 */
export type OrderOwnerProof = { order_id: string; customer_id: string | null; cart_id?: string }

/** An order id as Medusa makes them; anything else names no order (the store validators use it too). */
export const ORDER_ID = /^order_[0-9A-Za-z]{10,40}$/

/**
 * The order if the one asking may act on it: its signed-in customer, or a
 * guest holding the cart it was placed from (Medusa links order ↔ cart).
 * Anyone else gets the same 404 as for an order that does not exist; with
 * neither a customer nor a cart id it is a 401. Reads only; the routes that
 * only read (order page, trace, pickup) call it through api/store/helpers/order-proof.ts.
 */
export async function findOwnedOrder<T = { id: string; customer_id: string | null }>(
  container: MedusaContainer,
  proof: OrderOwnerProof,
  fields: string[] = []
): Promise<T> {
  if (!proof.customer_id && !proof.cart_id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `order ${proof.order_id} was not found`)
  if (!ORDER_ID.test(proof.order_id)) throw notFound()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [...new Set(["id", "customer_id", ...fields])],
    filters: { id: proof.order_id },
  })
  const [order] = data as Array<{ id: string; customer_id: string | null }>
  if (!order) throw notFound()
  if (proof.customer_id && order.customer_id === proof.customer_id) return order as T
  if (proof.cart_id) {
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["order_id", "cart_id"],
      filters: { order_id: proof.order_id },
    })
    if ((links as Array<{ cart_id: string }>).some((l) => l.cart_id === proof.cart_id)) return order as T
  }
  throw notFound()
}

/**
 * The first step of every resident's write on an order (cancel, edit, show the
 * code): refuses anyone but its owner before anything is locked or changed,
 * and hands on the order's pickup assignment. `require_pickup`: an order
 * without one is refused with 409 `no_pickup`. Reads only: nothing to undo.
 */
export const assertOrderOwnerStepId = "assert-order-owner"

export const assertOrderOwnerStep = createStep(
  assertOrderOwnerStepId,
  async (input: OrderOwnerProof & { require_pickup?: boolean }, { container }) => {
    const order = await findOwnedOrder<{ id: string; status: string; pickup_assignment?: { id: string } | null }>(
      container,
      input,
      ["status", "pickup_assignment.id"]
    )
    const assignmentId = order.pickup_assignment?.id ?? null
    if (input.require_pickup && !assignmentId) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "这个订单没有自提信息，无法在线操作，请联系客服。(this order has no pickup assignment)",
        "no_pickup"
      )
    }
    return new StepResponse({
      order_id: order.id,
      status: order.status,
      assignment_id: assignmentId,
      /** Who acted, as the order's history records it: the customer, or "guest". */
      actor: input.customer_id ?? "guest",
    })
  }
)
