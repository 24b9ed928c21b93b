import type { StaffMessage } from "../../../components/office/staff-messages"
import { redirect } from "react-router"
import { z } from "zod"
import { safeRedirect } from "../../safe-redirect"
import { isExpired } from "../session.server"
import { OFFICE_HEADERS, type OfficeDeps, requireStaff } from "./context.server"

/**
 * The staff member's unread messages (listing reviewed, harvest list frozen)
 * at the top of every portal page: GET /pickup-staff/notify/messages?unread=true.
 */

const inboxSchema = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullish(),
      created_at: z.string(),
    })
  ),
  unread: z.number(),
})

/** Never fails the page: no session, an expired one or a backend hiccup shows no messages. */
export async function staffUnread(
  deps: OfficeDeps,
  request: Request
): Promise<{ messages: StaffMessage[]; unread: number }> {
  const session = await deps.sessions.get(request)
  const token = session.get("token")
  if (!token || isExpired(token, (deps.now?.() ?? new Date()).getTime())) return { messages: [], unread: 0 }
  try {
    const raw = await deps.client.json<unknown>("reading the staff messages", "/pickup-staff/notify/messages", {
      token,
      query: { unread: "true", limit: 5 },
    })
    const parsed = inboxSchema.parse(raw)
    return {
      unread: parsed.unread,
      messages: parsed.messages.map((m) => ({
        id: m.id,
        title: m.title,
        body: m.body,
        link: m.link && /^\/office(\/[A-Za-z0-9/_\-]*)?$/.test(m.link) ? m.link : null,
        createdAt: m.created_at,
      })),
    }
  } catch {
    return { messages: [], unread: 0 }
  }
}

const readForm = z.union([
  z.object({ id: z.string().regex(/^nmsg_[A-Za-z0-9]{10,40}$/), redirectTo: z.string().optional() }),
  z.object({ all: z.literal("1"), redirectTo: z.string().optional() }),
])

/** POST /office/messages/read: one message (id) or all (all=1), then back where the staff member was. */
export async function officeMarkReadAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request, { needPoint: false })
  const form = readForm.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) throw new Response("Bad request", { status: 400, headers: OFFICE_HEADERS })
  await ctx.call("marking staff messages read", "/pickup-staff/notify/messages/read", {
    method: "POST",
    body: "id" in form.data ? { ids: [form.data.id] } : { all: true },
  })
  const back = safeRedirect(form.data.redirectTo, "/office")
  return redirect(back.startsWith("/office") ? back : "/office", { status: 303, headers: OFFICE_HEADERS })
}
