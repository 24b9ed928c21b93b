import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { setCartPickupWorkflow } from "../../../../../workflows/pickup/set-cart-pickup"
import type { StoreCartPickupBodyType } from "../../../pickup-points/validators"

/** What this route reads of the cart (the plugin has no generated query types). */
type CartOwnerRow = { id: string; customer_id: string | null; customer?: { has_account: boolean } | null }

/** The resident chooses where and in which cycle to collect this cart. */
export async function POST(req: AuthenticatedMedusaRequest<StoreCartPickupBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: req.params.id },
  })
  const [cart] = data as CartOwnerRow[]
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
