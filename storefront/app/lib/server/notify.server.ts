import { data, redirect } from "react-router"
import { z } from "zod"
import { messagesFormSchema, parseForm } from "../forms"
import { PRIVATE_HEADERS, type Sessions, statusOf } from "./http.server"
import type { StoreClient } from "./medusa.server"
import { requireToken } from "./orders.server"
import { orUnavailable } from "./pages.server"
import { isExpired, type LxSession } from "./session.server"

/**
 * 消息: the signed-in resident's in-app messages and message settings
 * (GET /store/notify/messages, POST …/read, GET/POST /store/notify/preferences;
 * docs/notifications.md). Every call carries the resident's token.
 */
export type MessageView = {
  id: string
  title: string
  body: string
  link: string | null
  urgent: boolean
  read: boolean
  createdAt: string
}
export type InboxView = { messages: MessageView[]; count: number; unread: number }
export type NotifyPreferenceView = { email: boolean; sms: boolean; locale: "zh-CN" | "en" }

const messageSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullish(),
  urgent: z.boolean().nullish(),
  read_at: z.string().nullish(),
  created_at: z.string(),
})
const inboxSchema = z.object({ messages: z.array(messageSchema), count: z.number(), unread: z.number() })
const preferenceSchema = z.object({
  preference: z.object({ email: z.boolean(), sms: z.boolean(), locale: z.enum(["zh-CN", "en"]) }),
})

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

/** Only our own paths: a message link is a storefront path, never another site. */
function safeLink(link: string | null | undefined): string | null {
  return link && /^\/(?!\/)[A-Za-z0-9/_\-.?=&]*$/.test(link) ? link : null
}

export type NotifyApi = {
  /** The unread count for the header; 0 when it cannot be read (the header must never fail a page). */
  unread(token: string): Promise<number>
  inbox(token: string, page: { limit: number; offset: number }): Promise<InboxView>
  markRead(token: string, which: { ids: string[] } | { all: true }): Promise<number>
  preference(token: string): Promise<NotifyPreferenceView>
  savePreference(token: string, change: Partial<NotifyPreferenceView>): Promise<NotifyPreferenceView>
}

export function createNotifyApi(
  store: StoreClient,
  log: (m: string) => void = (m) => console.error(`[notify] ${m}`)
): NotifyApi {
  async function inbox(token: string, page: { limit: number; offset: number }): Promise<InboxView> {
    const raw = await store.request<unknown>("reading 消息", "/store/notify/messages", {
      query: { limit: page.limit, offset: page.offset },
      ...bearer(token),
    })
    const parsed = inboxSchema.parse(raw)
    return {
      count: parsed.count,
      unread: parsed.unread,
      messages: parsed.messages.map((m) => ({
        id: m.id,
        title: m.title,
        body: m.body,
        link: safeLink(m.link),
        urgent: Boolean(m.urgent),
        read: Boolean(m.read_at),
        createdAt: m.created_at,
      })),
    }
  }
  return {
    async unread(token) {
      try {
        return (await inbox(token, { limit: 1, offset: 0 })).unread
      } catch (error) {
        if (statusOf(error) !== 401)
          log(`unread count not available: ${error instanceof Error ? error.message : String(error)}`)
        return 0
      }
    },
    inbox,
    async markRead(token, which) {
      const raw = await store.request<{ unread: number }>("marking 消息 read", "/store/notify/messages/read", {
        method: "POST",
        body: { ...which },
        ...bearer(token),
      })
      return Number(raw.unread ?? 0)
    },
    async preference(token) {
      return preferenceSchema.parse(
        await store.request("reading message settings", "/store/notify/preferences", bearer(token))
      ).preference
    },
    async savePreference(token, change) {
      const raw = await store.request("saving message settings", "/store/notify/preferences", {
        method: "POST",
        body: change,
        ...bearer(token),
      })
      return preferenceSchema.parse(raw).preference
    },
  }
}

export const MESSAGES_PAGE = 20

/** /account/messages: the resident's messages and settings; signed in only. */
export async function loadMessagesPage(api: NotifyApi, sessions: Sessions, request: Request) {
  const { token } = await requireToken(request, sessions)
  const url = new URL(request.url)
  const page = Math.max(0, Math.min(1000, Number.parseInt(url.searchParams.get("page") ?? "0", 10) || 0))
  const [inbox, preference] = await Promise.all([
    orUnavailable(() => api.inbox(token, { limit: MESSAGES_PAGE, offset: page * MESSAGES_PAGE })),
    orUnavailable(() => api.preference(token)),
  ])
  return data(
    { inbox, preference, page, pageSize: MESSAGES_PAGE, saved: url.searchParams.get("saved") === "1" },
    { headers: PRIVATE_HEADERS }
  )
}

/** Marks read or saves the settings, then back to the page (POST → redirect → GET). */
export async function messagesAction(api: NotifyApi, sessions: Sessions, request: Request) {
  const { token } = await requireToken(request, sessions)
  const form = parseForm(messagesFormSchema, await request.formData())
  if (!form.ok) throw new Response("Bad request", { status: 400 })
  const f = form.data
  if (f.intent === "read-all") await orUnavailable(() => api.markRead(token, { all: true }))
  if (f.intent === "read") await orUnavailable(() => api.markRead(token, { ids: [f.id] }))
  if (f.intent === "preferences") {
    await orUnavailable(() => api.savePreference(token, { email: f.email === "on", sms: f.sms === "on" }))
    return redirect("/account/messages?saved=1", { status: 303 })
  }
  return redirect("/account/messages", { status: 303 })
}

/**
 * The language switch of a signed-in resident also sets the language of their
 * messages. Best effort: the switch itself must work with the backend down.
 */
export async function rememberLanguage(api: NotifyApi, session: LxSession, lang: "zh-CN" | "en") {
  const token = session.get("token")
  if (!token || isExpired(token)) return
  try {
    await api.savePreference(token, { locale: lang })
  } catch (error) {
    console.error(
      `[notify] could not save the message language: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
