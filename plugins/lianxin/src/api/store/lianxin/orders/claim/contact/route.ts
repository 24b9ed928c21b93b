import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { claimOrdersByContactWorkflow } from "../../../../../../workflows/identity/claim-orders-by-contact"
import { clearContactTries, throttleOr429 } from "../../../../../throttle"
import { customerIdOf } from "../../../../helpers/order-proof"
import { refuseCode } from "../../../sign-in/helpers"
import type { StoreClaimByContactBodyType } from "../../validators"

/**
 * The contact and the code sent to it (claim/code, by this account): every
 * guest order placed with that mobile number or email joins the account.
 * Wrong, expired, used or locked codes: 401 with `code`; too many tries: 429.
 *
 * → { claimed: string[] }
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreClaimByContactBodyType>, res: MedusaResponse) {
  const customerId = customerIdOf(req)
  if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const body = req.validatedBody
  const contact = body.channel === "email" ? body.to.toLowerCase() : body.to
  const rules = await throttleOr429(req, res, "one_time_code_verify", { purpose: "verify_contact", contact })
  if (!rules) return
  const { result } = await claimOrdersByContactWorkflow(req.scope).run({
    input: { customer_id: customerId, channel: body.channel, contact, code: body.code },
  })
  if (!result.ok) return refuseCode(res, result.outcome)
  await clearContactTries(req, rules)
  res.json({ claimed: result.claimed })
}
