import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { NOTIFY_MODULE } from "../../modules/notify"
import type NotifyModuleService from "../../modules/notify/service"
import type { MessageRow } from "../../modules/notify/service"
import { markNotifyMessagesReadWorkflow, setNotifyPreferenceWorkflow } from "../../workflows/notify/inbox"
import { preferenceOf } from "../../workflows/notify/steps/contacts"

export const InboxQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    unread: z.enum(["true", "false"]).optional(),
  })
  .strict()

export const MarkReadBody = z
  .object({
    /** The messages read; omit with `all: true` to mark every one. */
    ids: z
      .array(z.string().regex(/^nmsg_[0-9A-Za-z]{10,40}$/, "must be message ids (nmsg_…)"))
      .min(1)
      .max(100)
      .optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.ids) !== Boolean(b.all), { message: "give either ids or all: true", path: ["ids"] })

export const PreferenceBody = z
  .object({
    email: z.boolean().optional(),
    sms: z.boolean().optional(),
    locale: z.enum(["zh-CN", "en"]).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "give email, sms or locale", path: ["email"] })

/** A message as its recipient sees it under 消息. */
export function inboxMessage(m: MessageRow) {
  return {
    id: m.id,
    event: m.event,
    title: m.title,
    body: m.body,
    link: m.link,
    urgent: m.urgent,
    resource_type: m.resource_type,
    resource_id: m.resource_id,
    read_at: m.read_at,
    created_at: m.created_at,
  }
}

const notify = (req: AuthenticatedMedusaRequest) => req.scope.resolve<NotifyModuleService>(NOTIFY_MODULE)

/** GET …/notify/messages: the query is validated by the area's middlewares.ts (InboxQuery). */
export async function answerInbox(
  req: AuthenticatedMedusaRequest<unknown, InboxQueryType>,
  res: MedusaResponse,
  recipient: { type: "customer" | "staff"; id: string }
) {
  const q = req.validatedQuery
  const page = await notify(req).inbox({
    recipient_type: recipient.type,
    recipient_id: recipient.id,
    limit: q.limit,
    offset: q.offset,
    unread_only: q.unread === "true",
  })
  res.setHeader("Cache-Control", "no-store")
  res.json({
    messages: page.messages.map(inboxMessage),
    count: page.count,
    unread: page.unread,
    limit: q.limit,
    offset: q.offset,
  })
}

/** POST …/notify/messages/read: the body is validated by the area's middlewares.ts (MarkReadBody). */
export async function answerMarkRead(
  req: AuthenticatedMedusaRequest<MarkReadBodyType>,
  res: MedusaResponse,
  recipient: { type: "customer" | "staff"; id: string }
) {
  const body = req.validatedBody
  const { result } = await markNotifyMessagesReadWorkflow(req.scope).run({
    input: { recipient_type: recipient.type, recipient_id: recipient.id, ids: body.ids },
  })
  const { unread } = await notify(req).inbox({
    recipient_type: recipient.type,
    recipient_id: recipient.id,
    limit: 1,
    offset: 0,
  })
  res.json({ read_ids: result, unread })
}

export async function answerPreference(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  recipient: { type: "customer" | "staff"; id: string },
  change?: PreferenceBodyType
) {
  if (change) {
    await setNotifyPreferenceWorkflow(req.scope).run({
      input: { recipient_type: recipient.type, recipient_id: recipient.id, ...change },
    })
  }
  const p = await preferenceOf(req.scope, recipient.type, recipient.id)
  res.json({ preference: { in_app: true, email: p.email, sms: p.sms, locale: p.locale } })
}

export type PreferenceBodyType = z.infer<typeof PreferenceBody>
export type InboxQueryType = z.infer<typeof InboxQuery>
export type MarkReadBodyType = z.infer<typeof MarkReadBody>
