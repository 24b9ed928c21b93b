import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { setCartPickupWorkflow } from "../../../../../workflows/pickup/set-cart-pickup"
import { parseOr400 } from "../../../../utils/zod-issues"
import { StoreCartPickupBody } from "../../../pickup-points/validators"

/** The resident chooses where and in which cycle to collect this cart. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(StoreCartPickupBody, req.body)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: req.params.id },
  })
  const cart = data[0] as any
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  // A registered customer's cart is theirs alone. A guest cart (Medusa links
  // it to a guest customer record once an email is set) is, like Medusa's own
  // cart routes, open to whoever holds its id.
  const ownedByAnother = cart?.customer?.has_account && cart.customer_id !== customerId
  if (!cart || ownedByAnother) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `cart ${req.params.id} was not found`)
  }
  const { result } = await setCartPickupWorkflow(req.scope).run({ input: { cart_id: cart.id, ...body } })
  res.json({ cart_pickup: { cart_id: cart.id, ...result } })
}
