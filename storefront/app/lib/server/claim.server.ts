import { redirect } from "react-router"
import { claimCodeSchema, claimContactSchema, contactOf, maskContact, parseForm, type FieldErrors } from "../forms"
import type { MessageKey } from "../i18n"
import { withNotice } from "../notice"
import { forwardedFor, retryAfterOf } from "./client-address.server"
import { statusOf, withSession, type Sessions } from "./http.server"
import { errorBody, type StoreClient } from "./medusa.server"
import { requireToken } from "./orders.server"

/**
 * 找回订单 (account page): guest orders placed on another device join the
 * account once the resident proves the contact they ordered with — a code to
 * that mobile number or email, for this account (decision 015). Two form
 * posts, like the SMS sign-in; works without JavaScript.
 */
export type ClaimActionData = {
  ok: false
  errors: FieldErrors
  values?: Record<string, string>
  params?: Record<string, string | number>
  /** The code went to `values.contact`; the page asks for it. */
  codeSent?: boolean
}

const REFUSALS: Record<string, MessageKey> = {
  code_wrong: "login.codeWrong",
  code_expired: "login.codeExpired",
  code_locked: "login.codeLocked",
  code_no_code: "login.codeUsed",
}

export async function claimAction(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  lang: "zh-CN" | "en" = "zh-CN"
) {
  const { session, token } = await requireToken(request, sessions)
  const form = await request.formData()
  const answer = (body: ClaimActionData, status: number, headers?: HeadersInit) =>
    withSession(sessions, request, session, body, { status, headers })
  const auth = { authorization: `Bearer ${token}`, ...forwardedFor(request) }
  const tooMany = (error: unknown) =>
    statusOf(error) === 429 ? retryAfterOf(undefined, errorBody(error) ?? undefined) : null

  if (form.get("intent") === "claim-code") {
    const parsed = parseForm(claimCodeSchema, form)
    if (!parsed.ok) return answer({ ok: false, errors: parsed.errors, values: parsed.values }, 400)
    const contact = contactOf(parsed.data.contact)
    if (!contact)
      return answer(
        { ok: false, errors: { contact: "form.contact.invalid" }, values: { contact: parsed.data.contact } },
        400
      )
    try {
      await store.request(`sending a claim code to ${maskContact(contact)}`, "/store/lianxin/orders/claim/code", {
        method: "POST",
        body: { ...contact, locale: lang },
        headers: auth,
      })
    } catch (error) {
      const wait = tooMany(error)
      if (wait)
        return answer(
          {
            ok: false,
            errors: { contact: "login.codeTooSoon" },
            params: { seconds: wait },
            values: { contact: contact.to },
          },
          429,
          { "Retry-After": String(wait) }
        )
      if (statusOf(error) === 503)
        return answer({ ok: false, errors: { contact: "login.codeNotSent" }, values: { contact: contact.to } }, 503)
      throw error
    }
    return answer(
      { ok: false, errors: {}, codeSent: true, values: { contact: contact.to, masked: maskContact(contact) } },
      200
    )
  }

  const parsed = parseForm(claimContactSchema, form)
  const contact = contactOf(String(form.get("contact") ?? ""))
  if (!contact) return answer({ ok: false, errors: { contact: "form.contact.invalid" } }, 400)
  const values = { contact: contact.to, masked: maskContact(contact) }
  if (!parsed.ok) return answer({ ok: false, errors: parsed.errors, values, codeSent: true }, 400)
  let claimed: string[]
  try {
    ;({ claimed } = await store.request<{ claimed: string[] }>(
      `claiming orders of ${maskContact(contact)}`,
      "/store/lianxin/orders/claim/contact",
      {
        method: "POST",
        body: { ...contact, code: parsed.data.code },
        headers: auth,
      }
    ))
  } catch (error) {
    const wait = tooMany(error)
    if (wait)
      return answer({ ok: false, errors: { code: "login.tooMany" }, values, codeSent: true }, 429, {
        "Retry-After": String(wait),
      })
    const refusal = statusOf(error) === 401 ? String(errorBody(error)?.code ?? "") : ""
    if (refusal in REFUSALS) {
      const left = Number(errorBody(error)?.attempts_left)
      return answer(
        {
          ok: false,
          errors: { code: REFUSALS[refusal] },
          params: Number.isFinite(left) ? { left } : undefined,
          values,
          codeSent: refusal === "code_wrong",
        },
        401
      )
    }
    throw error
  }
  throw redirect(withNotice("/account", claimed.length ? "orders.claimed" : "orders.claimedNone"), {
    status: 303,
    headers: { "Set-Cookie": await sessions.commit(request, session) },
  })
}
