import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cancelPickupOrderWorkflow } from "../../../../../../workflows/pickup/cancel-pickup-order"
import { customerIdOf } from "../../../../helpers/order-proof"
import type { StoreCancelOrderBodyType } from "../../validators"

/**
 * The resident cancels an order before its cycle's cutoff: the signed-in
 * customer, or the guest with { cart_id } of the cart it was placed from (the
 * workflow's first step decides). Someone else's order is a 404; after the
 * cutoff (or a second time) a 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCancelOrderBodyType>, res: MedusaResponse) {
  const { errors } = await cancelPickupOrderWorkflow(req.scope).run({
    input: { order_id: req.params.id, customer_id: customerIdOf(req), cart_id: req.validatedBody.cart_id },
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
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: req.params.id } })
  res.json({ order: { id: data[0].id, status: data[0].status } })
}
