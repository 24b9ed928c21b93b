import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { claimOrdersWorkflow } from "../../../../../workflows/pickup/claim-orders"
import { parseOr400 } from "../../../../pickup-staff/helpers"
import { customerIdOf } from "../../../helpers/order-proof"
import { StoreClaimOrdersBody } from "../validators"

/**
 * Guest orders placed with the signed-in customer's email move onto the
 * account. Orders that are not claimable are left out of `claimed` without
 * a reason (no hint whether they exist). Asking again returns the same list.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = customerIdOf(req)
  if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const body = parseOr400(StoreClaimOrdersBody, req.body)
  const { result } = await claimOrdersWorkflow(req.scope).run({ input: { customer_id: customerId, order_ids: body.order_ids } })
  res.json({ claimed: result.claimed })
}
