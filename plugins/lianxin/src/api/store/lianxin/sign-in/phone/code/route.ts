import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { throttleOr429 } from "../../../../../throttle"
import { requestOneTimeCodeWorkflow } from "../../../../../../workflows/identity/request-one-time-code"
import { couldNotSend, RESEND_AFTER_SECONDS } from "../../helpers"
import type { StoreRequestPhoneCodeType } from "../../validators"

/**
 * Sends a sign-in code by SMS. The same answer whether or not the number has
 * an account (first sign-in creates it). Limited per number (one a minute,
 * five an hour) and per address (twenty an hour): 429 with Retry-After.
 *
 * → 202 { sent: true, expires_at, resend_after }
 */
export async function POST(req: MedusaRequest<StoreRequestPhoneCodeType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (!(await throttleOr429(req, res, "one_time_code_send", { purpose: "sign_in", contact: body.phone }))) return
  const { result } = await requestOneTimeCodeWorkflow(req.scope).run({
    input: { purpose: "sign_in", channel: "sms", to: body.phone, locale: body.locale ?? "zh-CN" },
  })
  res.setHeader("Cache-Control", "no-store")
  if (result.status !== "sent") return couldNotSend(res)
  res.status(202).json({ sent: true, expires_at: result.expires_at, resend_after: RESEND_AFTER_SECONDS })
}
