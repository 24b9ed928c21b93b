import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { claimOrdersWorkflow } from "../../../../../workflows/pickup/claim-orders"
import { customerIdOf } from "../../../helpers/order-proof"
import type { StoreClaimOrdersBodyType } from "../validators"

/**
 * Guest orders placed from this browser move onto the signed-in account, each
 * proven by the cart it was placed from (the storefront keeps it in the
 * resident's sealed session). Orders without a matching cart, or owned by
 * another account, are left out of `claimed` without a reason. Asking again
 * returns the same list. (An account's email proves nothing: anyone can
 * register any email. Orders from another device: claim/code + claim/contact.)
 *
 * → { claimed: string[] }
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreClaimOrdersBodyType>, res: MedusaResponse) {
  const customerId = customerIdOf(req)
  if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const body = req.validatedBody
  const { result } = await claimOrdersWorkflow(req.scope).run({
    input: { customer_id: customerId, proofs: body.orders.map((o) => ({ order_id: o.id, cart_id: o.cart_id })) },
  })
  res.json({ claimed: result.claimed })
}
