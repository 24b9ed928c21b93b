import { data, redirect } from "react-router"
import { compoundSchema, compoundSearchSchema, parseForm } from "../forms"
import { noticeFrom, withNotice } from "../notice"
import { PRIVATE_HEADERS } from "./http.server"
import { orUnavailable } from "./pages.server"
import type { PickupApi } from "./pickup.server"
import { compoundCookie, compoundFromCookieHeader, isExpired } from "./session.server"
import { optionalExtra } from "./community.server"
import type { Sessions } from "./http.server"
import { safeRedirect } from "../safe-redirect"

/** Where choosing a compound leads: back to checkout when checkout sent the resident here. */
function returnPath(value: unknown): string | null {
  const to = safeRedirect(value, "")
  return to ? to : null
}

/** "Choose my compound": search pickup points by city or 小区 name; the choice is a cookie. */
export async function loadCompoundPage(pickup: PickupApi, request: Request) {
  const url = new URL(request.url)
  const search = parseForm(compoundSearchSchema, { q: url.searchParams.get("q") ?? "" })
  const q = search.ok ? search.data.q : ""
  const [points, chosen] = await Promise.all([
    search.ok ? orUnavailable(() => pickup.searchPoints(q)) : [],
    orUnavailable(() => pickup.chosenPoint(request)),
  ])
  return data(
    {
      q: search.ok ? q : (search.values.q ?? ""),
      error: search.ok ? undefined : search.errors.q,
      points,
      chosenId: chosen?.id ?? compoundFromCookieHeader(request.headers.get("Cookie")),
      notice: noticeFrom(request),
      redirectTo: returnPath(url.searchParams.get("redirectTo")),
    },
    { headers: PRIVATE_HEADERS }
  )
}

/**
 * Choosing a compound: a cookie for this browser and, when signed in, the
 * account too (POST /store/customers/me/pickup-point), so the next phone the
 * resident signs in on knows it. A backend without that route, or a refusal,
 * leaves the cookie choice standing.
 */
export async function compoundAction(request: Request, remember?: { sessions: Sessions; pickup: PickupApi }) {
  const form = await request.formData()
  const back = returnPath(form.get("redirectTo"))
  const parsed = parseForm(compoundSchema, form)
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 })
  const secure = new URL(request.url).protocol === "https:"
  if (remember) {
    const token = (await remember.sessions.get(request)).get("token")
    if (token && !isExpired(token)) {
      await optionalExtra("remembering the compound on the account", () =>
        remember.pickup.rememberPoint(token, parsed.data.pickupPointId)
      )
    }
  }
  throw redirect(withNotice(back ?? "/", "compound.saved"), {
    status: 303,
    headers: { "Set-Cookie": compoundCookie(parsed.data.pickupPointId, { secure }) },
  })
}

/**
 * After signing in: the compound remembered on the account becomes this
 * browser's choice when the browser has none. Returns the Set-Cookie value, or
 * null when nothing changes.
 */
export async function adoptRememberedCompound(
  pickup: PickupApi,
  request: Request,
  token: string
): Promise<string | null> {
  if (compoundFromCookieHeader(request.headers.get("Cookie"))) return null
  const remembered = await optionalExtra("the compound remembered on the account", () => pickup.rememberedPoint(token))
  if (!remembered) return null
  return compoundCookie(remembered.id, { secure: new URL(request.url).protocol === "https:" })
}
