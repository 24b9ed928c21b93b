import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../utils/clock"
import { z } from "@medusajs/framework/zod"
import type { MessageRow } from "../../modules/notify/service"
import { maskEmail, normalizeCnMobile, normalizeEmail } from "../../utils/notify-envelope"
import { maskPhone } from "../../utils/mask"
import { renderTemplate } from "../../utils/notify-templates"
import { notifyService } from "./steps/service"
import { errorText, sendThroughNotificationModule } from "./steps/send"

export const sendOneTimeCodeInputSchema = z.object({
  /** `email` or `sms`. */
  channel: z.enum(["email", "sms"]),
  /** An email address (channel email) or a mainland mobile number, with or without +86 (channel sms). */
  to: z.string().min(3).max(254),
  /** The code, made and kept (hashed) by the caller: 4–8 digits. */
  code: z.string().regex(/^\d{4,8}$/, "must be 4 to 8 digits"),
  purpose: z.enum(["sign_in", "verify_contact"]),
  /** Minutes the code is valid, as the caller enforces it; shown in the text. */
  ttl_minutes: z.number().int().min(1).max(60),
  /** The caller's id of this code (its challenge id): the same id never sends twice. */
  request_id: z.string().min(1).max(100),
  locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
  /** The customer the code is for, when known (kept on the message for operators). */
  customer_id: z.string().min(1).nullish(),
  /** Clock, for tests. */
  now: z.coerce.date().optional(),
})

export type SendOneTimeCodeInput = z.input<typeof sendOneTimeCodeInputSchema>

export type SendOneTimeCodeResult = {
  message_id: string
  status: "sent" | "failed"
  /** True when `request_id` had been sent (or tried) before: nothing was sent now. */
  deduplicated: boolean
  channel: "email" | "sms"
  to_masked: string
  attempts: number
  /** Provider error (addresses redacted) when status is failed. */
  error: string | null
}

/** Tries within the one call; a code expires within minutes, so later retries would be useless. */
const INLINE_TRIES = 3
const TRY_DELAYS_MS = [0, 400, 1200]

type Prepared = {
  channel: "email" | "sms"
  address: string
  to_masked: string
  code: string
  ttl_minutes: number
  purpose: "sign_in" | "verify_contact"
  request_id: string
  locale: "zh-CN" | "en"
  customer_id: string | null
  now: string
}

const validateOneTimeCodeStep = createStep(
  "validate-one-time-code",
  async (input: SendOneTimeCodeInput, { container }) => {
    const parsed = sendOneTimeCodeInputSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${issue.path.join(".") || "input"} ${issue.message}`)
    }
    const v = parsed.data
    const address = v.channel === "email" ? normalizeEmail(v.to) : normalizeCnMobile(v.to)
    if (!address) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        v.channel === "email" ? "to must be an email address" : "to must be a mainland China mobile number (11 digits)"
      )
    }
    const prepared: Prepared = {
      channel: v.channel,
      address,
      to_masked: v.channel === "email" ? maskEmail(address) : maskPhone(address),
      code: v.code,
      ttl_minutes: v.ttl_minutes,
      purpose: v.purpose,
      request_id: v.request_id,
      locale: v.locale,
      customer_id: v.customer_id ?? null,
      now: (v.now ?? nowOf(container)).toISOString(),
    }
    return new StepResponse(prepared)
  }
)

/**
 * Records the message, claimed by this run (`sending`, lease 2 min), or finds
 * the one recorded for the same request. The kept copy has no code.
 * Compensation removes a row this run created.
 */
const recordOneTimeCodeStep = createStep(
  "record-one-time-code",
  async (p: Prepared, { container }) => {
    const template = p.purpose === "sign_in" ? "otp_sign_in" : "otp_verify_contact"
    const params = { minutes: String(p.ttl_minutes) }
    const kept = renderTemplate(template, p.locale, params)
    const now = new Date(p.now)
    const { created, existing } = await notifyService(container).insertMessages([
      {
        idempotency_key: `otp:${p.request_id}:${p.channel}`,
        event: `otp.${p.purpose}`,
        channel: p.channel,
        recipient_type: p.customer_id ? "customer" : "address",
        recipient_id: p.customer_id,
        to_masked: p.to_masked,
        locale: p.locale,
        urgent: true,
        template,
        params,
        title: kept.title,
        body: kept.body,
        status: "sending",
        max_attempts: INLINE_TRIES,
        next_attempt_at: now,
        lease_until: new Date(now.getTime() + 120_000),
      },
    ])
    const row = created[0] ?? existing[0]
    return new StepResponse({ row, created: created.length === 1 }, created[0]?.id ?? null)
  },
  async (createdId, { container }) => {
    if (createdId) await notifyService(container).deleteCreatedMessages([createdId])
  }
)

const deliverOneTimeCodeStep = createStep(
  "deliver-one-time-code",
  async (input: { prepared: Prepared; record: { row: MessageRow; created: boolean } }, { container }) => {
    const { prepared: p, record } = input
    const svc = notifyService(container)
    if (!record.created) {
      const row = record.row
      const result: SendOneTimeCodeResult = {
        message_id: row.id,
        status: row.status === "sent" ? "sent" : "failed",
        deduplicated: true,
        channel: p.channel,
        to_masked: row.to_masked ?? p.to_masked,
        attempts: row.attempts,
        error: row.status === "sent" ? null : (row.last_error ?? `message is ${row.status}`),
      }
      return new StepResponse(result)
    }
    let lastError = ""
    for (let attempt = 1; attempt <= INLINE_TRIES; attempt++) {
      if (TRY_DELAYS_MS[attempt - 1]) await new Promise((r) => setTimeout(r, TRY_DELAYS_MS[attempt - 1]))
      try {
        const { notification_id } = await sendThroughNotificationModule(container, {
          message: record.row,
          attempt,
          address: p.address,
          to_masked: p.to_masked,
          secrets: { code: p.code },
        })
        await svc.markSent({
          id: record.row.id,
          now: new Date(p.now),
          notification_id,
          to_masked: p.to_masked,
          attempts: attempt,
        })
        return new StepResponse({
          message_id: record.row.id,
          status: "sent",
          deduplicated: false,
          channel: p.channel,
          to_masked: p.to_masked,
          attempts: attempt,
          error: null,
        } satisfies SendOneTimeCodeResult)
      } catch (e) {
        lastError = errorText(e)
      }
    }
    await svc.markFailed({ id: record.row.id, error: lastError, retry_at: null, attempts: INLINE_TRIES })
    const stored = await svc.messageById(record.row.id)
    return new StepResponse({
      message_id: record.row.id,
      status: "failed",
      deduplicated: false,
      channel: p.channel,
      to_masked: p.to_masked,
      attempts: INLINE_TRIES,
      error: stored?.last_error ?? lastError,
    } satisfies SendOneTimeCodeResult)
  }
)

/**
 * Delivers a one-time code (sign-in or contact verification) to an email
 * address or a mainland mobile number through the Notification Module, now:
 * urgent (quiet hours do not apply), up to three tries within the call, never
 * queued (a code is useless by the time a later retry would run). The code is
 * in no stored row: not in notify_message, not in Medusa's notification table.
 * The same `request_id` sends once; a second call returns the first result
 * with `deduplicated: true`. A provider failure is a result (`status: "failed"`,
 * the message is `dead` and shown to operators), not an error; bad input is a
 * MedusaError INVALID_DATA naming the field. See docs/notifications.md.
 */
export const sendOneTimeCodeWorkflow = createWorkflow("send-one-time-code", (input: SendOneTimeCodeInput) => {
  const prepared = validateOneTimeCodeStep(input)
  const record = recordOneTimeCodeStep(prepared)
  return new WorkflowResponse(deliverOneTimeCodeStep({ prepared, record }))
})
