import { data } from "react-router"
import type { ErrorReason } from "./pages.server"
import { hasSessionCookie, type LxSession } from "./session.server"

/** Helpers shared by the loaders and actions beyond the catalogue. */

/** The HTTP status of an SDK FetchError (or a fake's), if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" }

/**
 * Catalogue pages are shared-cacheable for visitors without a session (most
 * arrive from a link in a WeChat group); a resident with a cart or signed in
 * sees their own header, so the page must not be stored for others.
 */
export function publicHeaders(request: Request): Record<string, string> {
  if (hasSessionCookie(request)) return { "Cache-Control": "private, no-cache", Vary: "Cookie" }
  return { "Cache-Control": "public, max-age=60, stale-while-revalidate=300", Vary: "Cookie" }
}

export function errorResponse(
  status: number,
  reason: ErrorReason | string,
  headers: Record<string, string> = {}
): Response {
  return Response.json({ reason }, { status, headers: { "Cache-Control": "no-store", ...headers } })
}

export type Sessions = {
  get(request: Request): Promise<LxSession>
  commit(request: Request, session: LxSession): Promise<string>
}

/** A data() answer that saves the session. */
export async function withSession<T>(
  sessions: Sessions,
  request: Request,
  session: LxSession,
  value: T,
  init: ResponseInit = {}
) {
  const headers = new Headers(init.headers)
  headers.append("Set-Cookie", await sessions.commit(request, session))
  return data(value, { ...init, headers })
}
