import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** The signed-in resident's own order's pickup; 404 for anyone else's. */
export async function ownPickup(req: AuthenticatedMedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "pickup_assignment.*",
      "pickup_assignment.lines.*",
    ],
    filters: { id: req.params.order_id },
  })
  const order = data[0] as any
  if (!order || order.customer_id !== req.auth_context.actor_id || !order.pickup_assignment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${req.params.order_id} was not found`)
  }
  return order.pickup_assignment
}
