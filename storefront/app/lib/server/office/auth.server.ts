import { data, redirect } from "react-router"
import { parseForm, type FieldErrors } from "../../forms"
import { officeLoginSchema, pointSchema } from "../../office/schemas"
import { forwardedFor, retryAfterOf } from "../client-address.server"
import { StaffHttpError } from "./client.server"
import { OFFICE_HEADERS, requireStaff, type OfficeDeps } from "./context.server"
import type { OfficePoint } from "./session.server"

/**
 * Staff sign-in with the plugin's pickup_staff actor (emailpass). The JWT is
 * kept in the office cookie only; the browser never sees it.
 */
export type OfficeLoginData = { ok: false; errors: FieldErrors; values?: Record<string, string>; problem?: "noPoint" }

/** Where to go after signing in: only pages of the portal. */
export function officeRedirect(value: FormDataEntryValue | string | null | undefined, fallback = "/office"): string {
  if (typeof value !== "string" || !value.startsWith("/office") || value.startsWith("//") || value.includes("\\"))
    return fallback
  if (value.startsWith("/office/login") || value.startsWith("/office/logout")) return fallback
  return value
}

type MeAnswer = {
  staff: { id: string; name: string; email: string }
  points: Array<{ id: string; code: string; name: string; office?: { compound_name?: string | null } | null }>
}

export async function officeLoginLoader(deps: OfficeDeps, request: Request) {
  const session = await deps.sessions.get(request)
  const url = new URL(request.url)
  // Already signed in (and not sent here because the session ended): straight to work.
  if (session.get("token") && !url.searchParams.has("expired")) {
    throw redirect(officeRedirect(url.searchParams.get("redirectTo")), { status: 303, headers: OFFICE_HEADERS })
  }
  return data(
    { expired: url.searchParams.get("expired") === "1", loggedOut: url.searchParams.get("loggedOut") === "1" },
    { headers: OFFICE_HEADERS }
  )
}

export async function officeLoginAction(deps: OfficeDeps, request: Request) {
  const form = await request.formData()
  const redirectTo = officeRedirect(form.get("redirectTo"))
  const parsed = parseForm(officeLoginSchema, form)
  if (!parsed.ok)
    return data<OfficeLoginData>(
      { ok: false, errors: parsed.errors, values: parsed.values },
      { status: 400, headers: OFFICE_HEADERS }
    )
  const { email, password } = parsed.data
  let token: string
  try {
    ;({ token } = await deps.client.json<{ token: string }>(
      `signing in staff ${email.replace(/^(.).*@/, "$1***@")}`,
      "/auth/pickup_staff/emailpass",
      {
        method: "POST",
        body: { email, password },
        // The backend's rate limits count per staff member's address, not per storefront server.
        headers: forwardedFor(request),
      }
    ))
  } catch (error) {
    if (error instanceof StaffHttpError && error.status === 429) {
      return data<OfficeLoginData>(
        { ok: false, errors: { password: "office.login.tooMany" as never }, values: { email } },
        { status: 429, headers: { ...OFFICE_HEADERS, "Retry-After": String(retryAfterOf(undefined, error.body)) } }
      )
    }
    if (error instanceof StaffHttpError && (error.status === 401 || error.status === 400)) {
      return data<OfficeLoginData>(
        { ok: false, errors: { password: "office.login.failed" as never }, values: { email } },
        { status: 401, headers: OFFICE_HEADERS }
      )
    }
    throw error
  }
  const me = await deps.client.json<MeAnswer>("loading the signed-in staff member", "/pickup-staff/me", { token })
  const points: OfficePoint[] = me.points.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    compoundName: p.office?.compound_name ?? p.name,
  }))
  if (!points.length) {
    return data<OfficeLoginData>(
      { ok: false, errors: {}, values: { email }, problem: "noPoint" },
      { status: 403, headers: OFFICE_HEADERS }
    )
  }
  const session = await deps.sessions.get(request)
  session.set("token", token)
  session.set("staff", { id: me.staff.id, name: me.staff.name, email: me.staff.email })
  session.set("points", points)
  if (points.length === 1) session.set("pointId", points[0]!.id)
  else session.unset("pointId")
  const next = points.length === 1 ? redirectTo : `/office/points?redirectTo=${encodeURIComponent(redirectTo)}`
  throw redirect(next, {
    status: 303,
    headers: { "Set-Cookie": await deps.sessions.commit(request, session), ...OFFICE_HEADERS },
  })
}

export async function officeLogoutAction(deps: OfficeDeps, request: Request) {
  const session = await deps.sessions.get(request)
  throw redirect("/office/login?loggedOut=1", {
    status: 303,
    headers: { "Set-Cookie": await deps.sessions.destroy(request, session), ...OFFICE_HEADERS },
  })
}

export async function pointsLoader(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request, { needPoint: false })
  return data({ points: ctx.points, current: ctx.point.id }, { headers: OFFICE_HEADERS })
}

export async function choosePointAction(deps: OfficeDeps, request: Request) {
  const ctx = await requireStaff(deps, request, { needPoint: false })
  const form = await request.formData()
  const parsed = parseForm(pointSchema, form)
  // Only a point of this staff member's can be chosen; anything else is not there for them.
  if (!parsed.ok || !ctx.points.some((p) => p.id === parsed.data.pointId)) {
    throw new Response(JSON.stringify({ reason: "office-not-found" }), { status: 404, headers: OFFICE_HEADERS })
  }
  const session = await deps.sessions.get(request)
  session.set("pointId", parsed.data.pointId)
  throw redirect(officeRedirect(form.get("redirectTo")), {
    status: 303,
    headers: { "Set-Cookie": await deps.sessions.commit(request, session), ...OFFICE_HEADERS },
  })
}
