import { redirect } from "react-router"
import {
  loginSchema,
  maskMobile,
  parseForm,
  phoneCodeSchema,
  phoneSignInSchema,
  registerSchema,
  type FieldErrors,
} from "../forms"
import type { MessageKey } from "../i18n"
import { safeRedirect } from "../safe-redirect"
import { messageOf, statusOf, withSession, type Sessions } from "./http.server"
import { forwardedFor, retryAfterOf } from "./client-address.server"
import { errorBody, type StoreClient } from "./medusa.server"
import { claimOrders } from "./orders.server"
import { cartOfOrder, forgetOrders, signIn, type LxSession } from "./session.server"
import { adoptRememberedCompound } from "./compound.server"
import type { PickupApi } from "./pickup.server"

/**
 * Medusa customer auth (emailpass), done by this server: the browser only
 * ever holds our encrypted session cookie, never the Medusa token in a form it can read.
 */
export type AuthActionData = {
  ok: false
  errors: FieldErrors
  values?: Record<string, string>
  /** Values of a field message (tries left, seconds to wait). */
  params?: Record<string, string | number>
  /** 手机验证码登录: the code was sent to `values.mobile`; the page asks for it. */
  codeSent?: boolean
}

async function emailpassToken(
  store: StoreClient,
  request: Request,
  path: string,
  email: string,
  password: string
): Promise<string> {
  const { token } = await store.request<{ token: string }>(
    `authenticating ${email.replace(/^(.).*@/, "$1***@")}`,
    path,
    {
      method: "POST",
      body: { email, password },
      // The backend's rate limits count per resident address, not per storefront server.
      headers: forwardedFor(request),
    }
  )
  return token
}

/** The backend refused the attempt for too many tries (429): a field message and Retry-After. */
function tooMany(error: unknown): { retryAfter: number } | null {
  if (statusOf(error) !== 429) return null
  return { retryAfter: retryAfterOf(undefined, errorBody(error) ?? undefined) }
}

async function customerProfile(store: StoreClient, token: string) {
  const { customer } = await store.request<{
    customer: { email?: string | null; phone?: string | null; first_name?: string | null }
  }>("loading the signed-in customer", "/store/customers/me", {
    query: { fields: "id,email,phone,first_name" },
    headers: { authorization: `Bearer ${token}` },
  })
  return { email: customer.email ?? null, name: customer.first_name ?? null, phone: customer.phone ?? null }
}

/**
 * After signing in: take over this browser's guest orders (each proven by the
 * cart it was placed from), adopt the compound remembered on the account if
 * this browser has none, and go on.
 */
async function finishSignIn(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  session: LxSession,
  token: string,
  redirectTo: string,
  pickup?: PickupApi
) {
  signIn(session, token, await customerProfile(store, token))
  const orders = (session.get("orders") ?? []).map((id) => ({ id, cartId: cartOfOrder(session, id) }))
  const claimed = await claimOrders(store, token, orders)
  // Claimed orders are the account's now: listed under "My orders", no longer as this device's.
  if (claimed.length) forgetOrders(session, claimed)
  const headers = new Headers({ "Set-Cookie": await sessions.commit(request, session) })
  const compound = pickup ? await adoptRememberedCompound(pickup, request, token) : null
  if (compound) headers.append("Set-Cookie", compound)
  throw redirect(redirectTo, { status: 303, headers })
}

const CODE_REFUSALS: Record<string, MessageKey> = {
  code_wrong: "login.codeWrong",
  code_expired: "login.codeExpired",
  code_locked: "login.codeLocked",
  code_no_code: "login.codeUsed",
}

/**
 * 手机验证码登录, step 1: the backend sends a code by SMS (in development to
 * the SMS outbox, docs/notifications.md). A form post, so it works without
 * JavaScript; the page then shows the code field. Too soon or too many: the
 * wait comes back to the field with Retry-After.
 */
async function phoneCodeAction(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  session: LxSession,
  form: FormData,
  lang: "zh-CN" | "en"
) {
  const parsed = parseForm(phoneCodeSchema, form)
  if (!parsed.ok)
    return withSession(
      sessions,
      request,
      session,
      { ok: false, errors: parsed.errors, values: parsed.values } as AuthActionData,
      { status: 400 }
    )
  const { mobile } = parsed.data
  try {
    await store.request(`sending a sign-in code to ${maskMobile(mobile)}`, "/store/lianxin/sign-in/phone/code", {
      method: "POST",
      body: { phone: mobile, locale: lang },
      headers: forwardedFor(request),
    })
  } catch (error) {
    const limited = tooMany(error)
    if (limited) {
      const body: AuthActionData = {
        ok: false,
        errors: { mobile: "login.codeTooSoon" },
        params: { seconds: limited.retryAfter },
        values: { mobile },
      }
      return withSession(sessions, request, session, body, {
        status: 429,
        headers: { "Retry-After": String(limited.retryAfter) },
      })
    }
    if (statusOf(error) === 503) {
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { mobile: "login.codeNotSent" }, values: { mobile } } as AuthActionData,
        { status: 503 }
      )
    }
    throw error
  }
  return withSession(
    sessions,
    request,
    session,
    { ok: false, errors: {}, codeSent: true, values: { mobile } } as AuthActionData,
    { status: 200 }
  )
}

/** 手机验证码登录, step 2: the number and its code → signed in (the first time, a new account). */
async function phoneSignInAction(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  session: LxSession,
  form: FormData,
  redirectTo: string,
  pickup?: PickupApi
) {
  const parsed = parseForm(phoneSignInSchema, form)
  if (!parsed.ok) {
    const body: AuthActionData = {
      ok: false,
      errors: parsed.errors,
      values: { mobile: parsed.values.mobile ?? "" },
      codeSent: !parsed.errors.mobile,
    }
    return withSession(sessions, request, session, body, { status: 400 })
  }
  const { mobile, code } = parsed.data
  let token: string
  try {
    ;({ token } = await store.request<{ token: string }>(
      `signing in ${maskMobile(mobile)} by SMS code`,
      "/store/lianxin/sign-in/phone",
      {
        method: "POST",
        body: { phone: mobile, code },
        headers: forwardedFor(request),
      }
    ))
  } catch (error) {
    const limited = tooMany(error)
    if (limited) {
      const body: AuthActionData = { ok: false, errors: { code: "login.tooMany" }, values: { mobile }, codeSent: true }
      return withSession(sessions, request, session, body, {
        status: 429,
        headers: { "Retry-After": String(limited.retryAfter) },
      })
    }
    const refusal = statusOf(error) === 401 ? String(errorBody(error)?.code ?? "") : ""
    if (refusal in CODE_REFUSALS) {
      const left = Number(errorBody(error)?.attempts_left)
      const body: AuthActionData = {
        ok: false,
        errors: { code: CODE_REFUSALS[refusal] },
        params: Number.isFinite(left) ? { left } : undefined,
        values: { mobile },
        // A wrong code may be typed again; an expired, used or locked one needs a new code.
        codeSent: refusal === "code_wrong",
      }
      return withSession(sessions, request, session, body, { status: 401 })
    }
    throw error
  }
  return finishSignIn(store, sessions, request, session, token, redirectTo, pickup)
}

export async function loginAction(
  store: StoreClient,
  sessions: Sessions,
  request: Request,
  pickup?: PickupApi,
  lang: "zh-CN" | "en" = "zh-CN"
) {
  const session = await sessions.get(request)
  const form = await request.formData()
  const redirectTo = safeRedirect(form.get("redirectTo"), "/account")
  const intent = form.get("intent")
  if (intent === "phone-code") return phoneCodeAction(store, sessions, request, session, form, lang)
  if (intent === "phone-sign-in") return phoneSignInAction(store, sessions, request, session, form, redirectTo, pickup)
  const parsed = parseForm(loginSchema, form)
  if (!parsed.ok)
    return withSession(
      sessions,
      request,
      session,
      { ok: false, errors: parsed.errors, values: parsed.values } as AuthActionData,
      { status: 400 }
    )
  let token: string
  try {
    token = await emailpassToken(store, request, "/auth/customer/emailpass", parsed.data.email, parsed.data.password)
  } catch (error) {
    const limited = tooMany(error)
    if (limited) {
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { password: "login.tooMany" }, values: { email: parsed.data.email } } as AuthActionData,
        {
          status: 429,
          headers: { "Retry-After": String(limited.retryAfter) },
        }
      )
    }
    if (statusOf(error) === 401 || statusOf(error) === 400) {
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { password: "login.failed" }, values: { email: parsed.data.email } } as AuthActionData,
        { status: 401 }
      )
    }
    throw error
  }
  return finishSignIn(store, sessions, request, session, token, redirectTo, pickup)
}

export async function registerAction(store: StoreClient, sessions: Sessions, request: Request, pickup?: PickupApi) {
  const session = await sessions.get(request)
  const form = await request.formData()
  const redirectTo = safeRedirect(form.get("redirectTo"), "/account")
  const parsed = parseForm(registerSchema, form)
  if (!parsed.ok)
    return withSession(
      sessions,
      request,
      session,
      { ok: false, errors: parsed.errors, values: parsed.values } as AuthActionData,
      { status: 400 }
    )
  const { name, email, password } = parsed.data
  let registration: string
  try {
    registration = await emailpassToken(store, request, "/auth/customer/emailpass/register", email, password)
  } catch (error) {
    const limited = tooMany(error)
    if (limited) {
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { email: "login.tooMany" }, values: { name, email } } as AuthActionData,
        {
          status: 429,
          headers: { "Retry-After": String(limited.retryAfter) },
        }
      )
    }
    if ((statusOf(error) === 401 || statusOf(error) === 400) && /exists/i.test(messageOf(error))) {
      return withSession(
        sessions,
        request,
        session,
        { ok: false, errors: { email: "register.exists" }, values: { name, email } } as AuthActionData,
        { status: 409 }
      )
    }
    throw error
  }
  await store.request("creating the customer", "/store/customers", {
    method: "POST",
    body: { email, first_name: name },
    headers: { authorization: `Bearer ${registration}` },
    query: { fields: "id" },
  })
  // The registration token names no customer yet; a fresh login gives one that does.
  const token = await emailpassToken(store, request, "/auth/customer/emailpass", email, password)
  return finishSignIn(store, sessions, request, session, token, redirectTo, pickup)
}

export async function logoutAction(sessions: Sessions, request: Request) {
  const session = await sessions.get(request)
  session.unset("token")
  session.unset("customer")
  // The cart was the customer's: do not leave it to whoever uses the phone next.
  session.unset("cartId")
  session.unset("cartCount")
  throw redirect("/", { status: 303, headers: { "Set-Cookie": await sessions.commit(request, session) } })
}
