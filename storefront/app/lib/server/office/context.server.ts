import { redirect } from "react-router"
import { errorResponse } from "../http.server"
import { isExpired } from "../session.server"
import { getStaffClient, StaffHttpError, type StaffClient, type StaffRequest } from "./client.server"
import { officeSessions, type OfficePoint, type OfficeSessions } from "./session.server"

/** What every office loader and action is given (tests pass fakes). */
export type OfficeDeps = { client: StaffClient; sessions: OfficeSessions; now?: () => Date }

export function officeDeps(): OfficeDeps {
  return { client: getStaffClient(), sessions: officeSessions }
}

export const OFFICE_HEADERS = { "Cache-Control": "private, no-store" }

export type StaffContext = {
  token: string
  staff: { id: string; name: string; email: string }
  points: OfficePoint[]
  point: OfficePoint
  /** A staff route with this staff member's token; a 401 signs them out and back to the login page. */
  call<T>(what: string, path: string, init?: Omit<StaffRequest, "token">): Promise<T>
  /** Like call, but a 404 (another point's record, a tampered URL) becomes our 404 page. */
  read<T>(what: string, path: string, init?: Omit<StaffRequest, "token">): Promise<T>
}

function here(request: Request) {
  const url = new URL(request.url)
  return `${url.pathname}${url.search}`
}

async function signOutTo(deps: OfficeDeps, request: Request, location: string): Promise<Response> {
  const session = await deps.sessions.get(request)
  return redirect(location, {
    status: 303,
    headers: { "Set-Cookie": await deps.sessions.destroy(request, session), ...OFFICE_HEADERS },
  })
}

export function loginUrl(request: Request, expired: boolean) {
  const params = new URLSearchParams()
  if (expired) params.set("expired", "1")
  const back = here(request)
  if (request.method === "GET" && back !== "/office") params.set("redirectTo", back)
  const query = params.toString()
  return `/office/login${query ? `?${query}` : ""}`
}

/**
 * The signed-in staff member and the point they work at, or a redirect: to the
 * login page when there is no session or it expired, to the point chooser
 * when they act for several points and have not chosen one yet.
 */
export async function requireStaff(
  deps: OfficeDeps,
  request: Request,
  { needPoint = true } = {}
): Promise<StaffContext> {
  const session = await deps.sessions.get(request)
  const token = session.get("token")
  const now = (deps.now?.() ?? new Date()).getTime()
  if (!token) throw redirect(loginUrl(request, false), { status: 303, headers: OFFICE_HEADERS })
  if (isExpired(token, now)) throw await signOutTo(deps, request, loginUrl(request, true))
  const points = session.get("points") ?? []
  const point = points.find((p) => p.id === session.get("pointId"))
  if (!point && needPoint) {
    const params = new URLSearchParams({ redirectTo: here(request) })
    throw redirect(`/office/points?${params}`, { status: 303, headers: OFFICE_HEADERS })
  }
  async function call<T>(what: string, path: string, init: Omit<StaffRequest, "token"> = {}): Promise<T> {
    try {
      return await deps.client.json<T>(what, path, { ...init, token })
    } catch (error) {
      if (error instanceof StaffHttpError && error.status === 401)
        throw await signOutTo(deps, request, loginUrl(request, true))
      throw error
    }
  }
  return {
    token,
    staff: session.get("staff") ?? { id: "", name: "", email: "" },
    points,
    point: point ?? points[0] ?? { id: "", code: "", name: "", compoundName: "" },
    call,
    async read<T>(what: string, path: string, init: Omit<StaffRequest, "token"> = {}) {
      try {
        return await call<T>(what, path, init)
      } catch (error) {
        if (error instanceof StaffHttpError && error.status === 404) throw notFound()
        throw error
      }
    },
  }
}

export function notFound(): Response {
  return errorResponse(404, "office-not-found", OFFICE_HEADERS)
}

/** Only ids the backend could have made reach a URL we build (no ../ or query tricks). */
export function safeId(value: string | undefined): string {
  if (!value || !/^[a-z]+_[A-Za-z0-9]{1,64}$/.test(value)) throw notFound()
  return value
}
