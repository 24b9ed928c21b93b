import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requestOneTimeCodeWorkflow } from "../../../../../../workflows/identity/request-one-time-code"
import { throttleOr429 } from "../../../../../throttle"
import { customerIdOf } from "../../../../helpers/order-proof"
import { couldNotSend, RESEND_AFTER_SECONDS } from "../../../sign-in/helpers"
import type { StoreClaimCodeBodyType } from "../../validators"

/**
 * "Find my guest orders": a code to the mobile number or email the resident
 * ordered with, valid only for the signed-in account that asked. The answer
 * does not say whether any order uses that contact. Limited like sign-in codes.
 *
 * → 202 { sent: true, expires_at, resend_after }
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreClaimCodeBodyType>, res: MedusaResponse) {
  const customerId = customerIdOf(req)
  if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const body = req.validatedBody
  const contact = body.channel === "email" ? body.to.toLowerCase() : body.to
  if (!(await throttleOr429(req, res, "one_time_code_send", { purpose: "verify_contact", contact }))) return
  const { result } = await requestOneTimeCodeWorkflow(req.scope).run({
    input: {
      purpose: "verify_contact",
      channel: body.channel,
      to: contact,
      requester: customerId,
      locale: body.locale ?? "zh-CN",
    },
  })
  res.setHeader("Cache-Control", "no-store")
  if (result.status !== "sent") return couldNotSend(res)
  res.status(202).json({ sent: true, expires_at: result.expires_at, resend_after: RESEND_AFTER_SECONDS })
}
