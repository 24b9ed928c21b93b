import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendOneTimeCodeWorkflow } from "../notify/send-one-time-code"
import { issueOneTimeCodeStep } from "./steps/one-time-code"

/** Minutes a code stays valid (shown in the message). */
export const CODE_TTL_MINUTES = 10

export type RequestOneTimeCodeInput = {
  purpose: "sign_in" | "verify_contact"
  channel: "sms" | "email"
  /** Normalised: an 11-digit mainland mobile or a trimmed email. */
  to: string
  /** The account asking (verify_contact): the code only works for it. */
  requester?: string | null
  locale?: "zh-CN" | "en"
  now?: string
}

/**
 * Makes a code (kept as an HMAC only) and delivers it through the
 * Notification Module (sendOneTimeCodeWorkflow: urgent, three tries, never
 * queued). A provider that is down is a result (`status: "failed"`), the
 * caller answers 503; the code is then never known to anyone.
 */
export const requestOneTimeCodeWorkflow = createWorkflow("request-one-time-code", (input: RequestOneTimeCodeInput) => {
  const issueInput = transform({ input }, ({ input }) => ({
    purpose: input.purpose,
    channel: input.channel,
    contact: input.to,
    requester: input.requester ?? null,
    ttl_seconds: CODE_TTL_MINUTES * 60,
    now: input.now,
  }))
  const issued = issueOneTimeCodeStep(issueInput)
  const sendInput = transform({ input, issued }, ({ input, issued }) => ({
    channel: input.channel,
    to: input.to,
    code: issued.code,
    purpose: input.purpose,
    ttl_minutes: CODE_TTL_MINUTES,
    request_id: issued.id,
    locale: input.locale ?? "zh-CN",
    customer_id: input.requester ?? null,
    ...(input.now ? { now: input.now } : {}),
  }))
  const sent = sendOneTimeCodeWorkflow.runAsStep({ input: sendInput })
  const result = transform({ issued, sent }, ({ issued, sent }) => ({
    status: sent.status as "sent" | "failed",
    expires_at: issued.expires_at,
    to_masked: sent.to_masked,
  }))
  return new WorkflowResponse(result)
})
