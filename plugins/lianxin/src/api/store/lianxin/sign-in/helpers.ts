import type { MedusaResponse } from "@medusajs/framework/http"
import type { VerifyOutcome } from "../../../../modules/one-time-code/service"

/** How long before the same contact may be sent another code (the resend rule in utils/rate-limit). */
export const RESEND_AFTER_SECONDS = 60

const MESSAGES: Record<Exclude<VerifyOutcome, { ok: true }>["reason"], string> = {
  wrong: "验证码不对，请再试一次。(wrong code)",
  expired: "验证码已过期，请重新获取。(the code expired; ask for a new one)",
  locked: "错误次数过多，此验证码已失效，请重新获取。(too many wrong tries; ask for a new code)",
  no_code: "请先获取验证码，或验证码已使用。(ask for a code first; a code works once)",
}

/** A code that did not check out: 401 with what happened and, when wrong, the tries left. */
export function refuseCode(res: MedusaResponse, outcome: Exclude<VerifyOutcome, { ok: true }>) {
  res.setHeader("Cache-Control", "no-store")
  res.status(401).json({
    type: "unauthorized",
    code: `code_${outcome.reason}`,
    message: MESSAGES[outcome.reason],
    ...(outcome.reason === "wrong" ? { attempts_left: outcome.attempts_left } : {}),
  })
}

/** The code could not be delivered (the SMS or email provider is down): try again later with a new code. */
export function couldNotSend(res: MedusaResponse) {
  res.status(503).json({
    type: "unexpected_state",
    code: "code_not_sent",
    message: "验证码发送失败，请稍后再试。(could not send the code; try again)",
  })
}
