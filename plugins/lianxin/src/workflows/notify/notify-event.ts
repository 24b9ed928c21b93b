import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../utils/clock"
import type { NewMessage, NotifyChannel } from "../../modules/notify/service"
import { endOfQuietTime, isQuietTime } from "../../utils/notify-schedule"
import { renderTemplate, templateDefinition } from "../../utils/notify-templates"
import {
  customerContact,
  householdCanReceiveSms,
  type Locale,
  orderContact,
  preferenceOf,
  staffContact,
} from "./steps/contacts"
import { NOTIFY_EVENTS, type NotifyEvent, type NotifySpec, collectNotifications } from "./steps/events"
import { notifyService } from "./steps/service"

export type NotifyEventInput = {
  event: NotifyEvent
  /** The event's data as emitted (one object or a list). */
  data: unknown
  /** Clock, for tests (quiet hours). */
  now?: Date | string
}

const collectNotificationsStep = createStep("collect-notifications", async (input: NotifyEventInput, { container }) => {
  if (!NOTIFY_EVENTS.includes(input.event)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `event ${input.event} has no notifications`)
  }
  return new StepResponse(await collectNotifications(container, input.event, input.data))
})

/**
 * Chooses channels and language per recipient (preferences, addresses that
 * exist, consent), renders the kept copy (no secrets) and schedules each
 * message: now, or — for non-urgent email and SMS in quiet hours — the end of
 * quiet hours. In-app messages are never held: they make no sound.
 */
const planMessagesStep = createStep(
  "plan-notify-messages",
  async (input: { specs: NotifySpec[]; now?: Date | string }, { container }) => {
    const now = input.now ? new Date(input.now) : nowOf(container)
    const { quiet } = notifyService(container).config()
    const messages: NewMessage[] = []
    for (const spec of input.specs) {
      const def = templateDefinition(spec.template)
      for (const r of spec.recipients) {
        let channels: NotifyChannel[] = []
        let locale: Locale = "zh-CN"
        if (r.type === "customer") {
          const pref = await preferenceOf(container, "customer", r.id)
          const contact = await customerContact(
            container,
            r.id,
            spec.resource_type === "order" ? spec.resource_id : null
          )
          if (!contact) continue
          locale = pref.locale
          if (contact.has_account) channels.push("in_app")
          if (pref.email && contact.email) channels.push("email")
          if (pref.sms && contact.phone) channels.push("sms")
        } else if (r.type === "order") {
          // A guest with no account: no in-app inbox and no preferences to read; service messages about their own
          // order go to the mobile given at checkout (and the email, if they gave one), in Chinese.
          const contact = await orderContact(container, r.id)
          if (!contact) continue
          if (contact.email) channels.push("email")
          if (contact.phone) channels.push("sms")
        } else if (r.type === "staff") {
          const pref = await preferenceOf(container, "staff", r.id)
          const contact = await staffContact(container, r.id)
          if (!contact) continue
          locale = pref.locale
          channels = ["in_app", ...(pref.email && contact.email ? (["email"] as const) : [])]
        } else if (await householdCanReceiveSms(container, r.id)) {
          channels = ["sms"]
        }
        const kept = renderTemplate(spec.template, locale, spec.params)
        for (const channel of channels) {
          const hold = !def.urgent && channel !== "in_app" && isQuietTime(now, quiet)
          messages.push({
            idempotency_key: `${spec.event}:${spec.subject}:${r.type}:${r.id}:${channel}`,
            event: spec.event,
            channel,
            recipient_type: r.type,
            recipient_id: r.id,
            locale,
            urgent: def.urgent,
            template: spec.template,
            params: spec.params,
            title: kept.title,
            body: kept.body,
            link: spec.link,
            resource_type: spec.resource_type,
            resource_id: spec.resource_id,
            next_attempt_at: hold ? endOfQuietTime(now, quiet) : now,
            deferred_reason: hold ? "quiet_hours" : null,
          })
        }
      }
    }
    return new StepResponse(messages)
  }
)

/** Inserts the messages once (unique key); compensation removes the ones this run created. */
const insertMessagesStep = createStep(
  "insert-notify-messages",
  async (messages: NewMessage[], { container }) => {
    const { created, existing } = await notifyService(container).insertMessages(messages)
    return new StepResponse(
      { created_ids: created.map((m) => m.id), existing_ids: existing.map((m) => m.id) },
      created.map((m) => m.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await notifyService(container).deleteCreatedMessages(ids)
  }
)

/**
 * Turns one event into its messages (one per recipient and channel, once:
 * a replayed event, or the same event handled by several processes, creates
 * nothing new). Sending is deliverNotificationsWorkflow's job; the subscriber
 * runs it right after for the messages created here.
 */
export const notifyEventWorkflow = createWorkflow("notify-event", (input: NotifyEventInput) => {
  const specs = collectNotificationsStep(input)
  const messages = planMessagesStep({ specs, now: input.now })
  return new WorkflowResponse(insertMessagesStep(messages))
})
