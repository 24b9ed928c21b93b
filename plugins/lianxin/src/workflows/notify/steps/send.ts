import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { MessageRow } from "../../../modules/notify/service"
import { ENVELOPE_KEY, type NotifyEnvelope } from "../../../utils/notify-envelope"
import { renderTemplate, smsParams } from "../../../utils/notify-templates"

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)

function emailHtml(title: string, body: string, link: string | null): string {
  const paragraphs = body
    .split("\n")
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("")
  const action = link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ""
  return `<!doctype html><html><body style="font-family:sans-serif"><h2>${escapeHtml(title)}</h2>${paragraphs}${action}</body></html>`
}

/**
 * One attempt at one message through Medusa's Notification Module. The
 * attempt is a Notification Module row of its own (idempotency key
 * `<message id>:<attempt>`), holding the masked address and the template's
 * non-secret values; the real address and the secret values travel in
 * `content` and the delivery envelope, which Medusa does not store.
 * Throws when the provider fails.
 */
export async function sendThroughNotificationModule(
  container: Pick<MedusaContainer, "resolve">,
  input: {
    message: MessageRow
    attempt: number
    /** Real address (email, mobile number); for in-app the recipient id. */
    address: string
    to_masked: string
    secrets?: Record<string, string>
    /** Absolute link for email (the storefront's URL of `message.link`). */
    link_url?: string | null
  }
): Promise<{ notification_id: string }> {
  const { message, attempt, address, secrets } = input
  const params = message.params ?? {}
  const rendered = renderTemplate(message.template, message.locale, params, secrets)
  const envelope: NotifyEnvelope = {
    address,
    template: message.template,
    params: smsParams(message.template, message.locale, params, secrets),
  }
  const content =
    message.channel === "sms"
      ? { text: rendered.sms }
      : message.channel === "email"
        ? {
            subject: rendered.title,
            text: input.link_url ? `${rendered.body}\n\n${input.link_url}` : rendered.body,
            html: emailHtml(rendered.title, rendered.body, input.link_url ?? null),
          }
        : { subject: rendered.title, text: message.body }
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const created = await notifications.createNotifications({
    to: input.to_masked,
    channel: message.channel,
    template: message.template,
    data: { message_id: message.id, locale: message.locale, params },
    content,
    trigger_type: message.event,
    resource_type: message.resource_type,
    resource_id: message.resource_id,
    receiver_id: message.recipient_id,
    idempotency_key: `${message.id}:${attempt}`,
    [ENVELOPE_KEY]: envelope,
  } as Parameters<INotificationModuleService["createNotifications"]>[0])
  const row = Array.isArray(created) ? created[0] : created
  if (row?.status !== "success") {
    throw new Error(`notification ${row?.id ?? "?"} ended ${row?.status ?? "without a row"}`)
  }
  return { notification_id: row.id }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
