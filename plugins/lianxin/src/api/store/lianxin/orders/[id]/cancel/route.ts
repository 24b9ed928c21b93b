import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cancelPickupOrderWorkflow } from "../../../../../../workflows/pickup/cancel-pickup-order"
import { customerIdOf, orderForOwner } from "../../../../helpers/order-proof"
import type { StoreCancelOrderBodyType } from "../../validators"

/**
 * The resident cancels an order before its cycle's cutoff: the signed-in
 * customer, or the guest with { cart_id } of the cart it was placed from.
 * Someone else's order is a 404; after the cutoff (or a second time) a 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCancelOrderBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const order = await orderForOwner(req, req.params.id, body.cart_id, ["status", "pickup_assignment.id"])
  if (!order.pickup_assignment?.id) {
    res.status(409).json({
      type: "conflict",
      code: "no_pickup",
      message:
        "这个订单没有自提信息，无法在线取消，请联系客服。(this order has no pickup assignment and cannot be canceled here)",
    })
    return
  }
  const { errors } = await cancelPickupOrderWorkflow(req.scope).run({
    input: {
      order_id: order.id,
      assignment_id: order.pickup_assignment.id,
      canceled_by: customerIdOf(req) ?? "guest",
    },
    throwOnError: false,
  })
  if (errors?.length) {
    const error = errors[0].error as { type?: string; code?: string; message?: string }
    // Medusa's error handler replaces every 409 message with a generic one; the
    // resident needs to read why (cutoff passed, already canceled).
    if (error?.type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", code: error.code ?? null, message: error.message })
      return
    }
    throw error
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: order.id } })
  res.json({ order: { id: data[0].id, status: data[0].status } })
}
