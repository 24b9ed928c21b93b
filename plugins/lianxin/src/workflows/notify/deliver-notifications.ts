import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../utils/clock"
import type { MessageRow } from "../../modules/notify/service"
import { isQuietTime, retryDelayMs } from "../../utils/notify-schedule"
import { templateDefinition } from "../../utils/notify-templates"
import { pickupService } from "../pickup/steps/service"
import { resolveAddress } from "./steps/contacts"
import { errorText, sendThroughNotificationModule } from "./steps/send"
import { notifyService } from "./steps/service"

export type DeliverNotificationsInput = {
  /** Clock, for tests (quiet hours, due times, backoff). */
  now?: Date | string
  /** Only these messages (the ones an event just created); otherwise whatever is due. */
  ids?: string[]
  limit?: number
}

export type DeliverySummary = { claimed: number; sent: number; failed: number; dead: number; skipped: number }

/** A sender that crashed mid-send gives its claim up after this long; the message is then retried. */
const LEASE_MS = 5 * 60_000

async function deliverOne(
  container: Parameters<typeof resolveAddress>[0],
  m: MessageRow,
  now: Date
): Promise<"sent" | "failed" | "dead" | "skipped"> {
  const svc = notifyService(container)
  let to: { address: string; masked: string } | null = null
  try {
    const resolved = await resolveAddress(container, m, now)
    if ("skip" in resolved) {
      await svc.markFailed({ id: m.id, error: resolved.skip, retry_at: null, skip: true })
      return "skipped"
    }
    to = resolved
    const secrets: Record<string, string> = {}
    const def = templateDefinition(m.template)
    // The current pickup code, opened from its sealed copy here and only here (decision 014).
    if (def.secrets.includes("code") && m.channel !== "in_app" && m.params?.assignment_id) {
      const code = await pickupService(container).currentCodeForMessage(m.params.assignment_id)
      if (code) secrets.code = code
    }
    const storefront = svc.config().storefront_url
    const { notification_id } = await sendThroughNotificationModule(container, {
      message: m,
      attempt: m.attempts,
      address: resolved.address,
      to_masked: resolved.masked,
      secrets,
      link_url: m.link ? `${storefront}${m.link}` : null,
    })
    await svc.markSent({ id: m.id, now, notification_id, to_masked: resolved.masked })
    return "sent"
  } catch (e) {
    const retryAt = new Date(now.getTime() + retryDelayMs(m.attempts))
    const status = await svc.markFailed({
      id: m.id,
      error: errorText(e),
      retry_at: retryAt,
      to_masked: to?.masked ?? null,
    })
    return status === "dead" ? "dead" : "failed"
  }
}

/**
 * Claims due messages (one process per message: `FOR UPDATE SKIP LOCKED`) and
 * sends each through the Notification Module. A failed attempt is retried
 * with backoff (1, 2, 4 … minutes, at most 4 h) until `max_attempts`, then
 * `dead` — shown to operators in Medusa Admin (通知), who can send it again.
 * During quiet hours only urgent and in-app messages are claimed; held ones
 * go out at the first run after quiet hours end. Sending cannot be undone, so
 * this step has no compensation; each message's state is its own transaction.
 */
const deliverDueStep = createStep(
  "deliver-due-notifications",
  async (input: DeliverNotificationsInput, { container }) => {
    const svc = notifyService(container)
    const now = input.now ? new Date(input.now) : nowOf(container)
    const claimed = await svc.claimDue({
      now,
      quiet: isQuietTime(now, svc.config().quiet),
      limit: input.limit ?? 100,
      lease_ms: LEASE_MS,
      ids: input.ids,
    })
    const summary: DeliverySummary = { claimed: claimed.length, sent: 0, failed: 0, dead: 0, skipped: 0 }
    for (const m of claimed) summary[await deliverOne(container, m, now)]++
    return new StepResponse(summary)
  }
)

export const deliverNotificationsWorkflow = createWorkflow(
  "deliver-notifications",
  (input: DeliverNotificationsInput) => new WorkflowResponse(deliverDueStep(input))
)
