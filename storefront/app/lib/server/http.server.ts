import crypto from "node:crypto"
import fs from "node:fs"
import { fileURLToPath } from "node:url"
import { data } from "react-router"
import { langFromCookieHeader } from "../i18n"
import type { ErrorReason } from "./pages.server"
import { compoundFromCookieHeader, type LxSession, sessionCookieIn } from "./session.server"

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
 * Public pages may be stored by a shared cache (CDN, reverse proxy) for this
 * long, then served stale while one request refreshes them; browsers always
 * revalidate (max-age=0) and get a 304 when the ETag still matches. The read
 * model is current on the next request; a shared cache adds at most s-maxage.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=60"
/** A page that shows this browser's own things (cart count, sign-in, chosen compound): only the browser keeps it. */
export const PERSONAL_CACHE_CONTROL = "private, no-cache"

/**
 * Per build: an ETag never survives a deploy (the HTML names the build's assets), and every storefront process of
 * one build agrees on it (behind a balancer, a browser's revalidation reaches any of them). The build is the server
 * bundle this module is part of (build/server/index.js: every route and the asset manifest), hashed once at start.
 */
export const ETAG_SALT = buildFingerprint()

function buildFingerprint(): string {
  try {
    return crypto
      .createHash("sha256")
      .update(fs.readFileSync(fileURLToPath(import.meta.url)))
      .digest("hex")
      .slice(0, 16)
  } catch {
    return crypto.randomUUID()
  }
}

/** The cookies that make a page personal: the session (cart, sign-in, orders) and the chosen compound. */
export function hasPersonalCookie(request: Request): boolean {
  return personalCookieIn(request.headers.get("Cookie"))
}

/** The same, from a Cookie header alone (the front door in scripts/server.mjs has no Request). */
export function personalCookieIn(header: string | null | undefined): boolean {
  return sessionCookieIn(header) || compoundFromCookieHeader(header ?? null) !== null
}

/** A weak validator of a public page: its loader data, its language and this build. */
export function pageEtag(request: Request, value: unknown): string {
  const hash = crypto
    .createHash("sha256")
    .update(ETAG_SALT)
    .update(langFromCookieHeader(request.headers.get("Cookie")))
    .update(new URL(request.url).pathname)
    .update(JSON.stringify(value) ?? "")
    .digest("base64url")
    .slice(0, 27)
  return `W/"${hash}"`
}

/**
 * Catalogue pages are shared-cacheable for visitors without a session or a
 * chosen compound (most arrive from a link in a WeChat group), and carry an
 * ETag when their data is given. A resident with a cart, signed in or with a
 * compound sees their own header and marks, so the page is never stored for
 * others. The language cookie changes the page: Vary: Cookie.
 */
export function publicHeaders(request: Request, value?: unknown): Record<string, string> {
  if (hasPersonalCookie(request)) return { "Cache-Control": PERSONAL_CACHE_CONTROL, Vary: "Cookie" }
  return {
    "Cache-Control": PUBLIC_CACHE_CONTROL,
    Vary: "Cookie",
    ...(value === undefined ? {} : { ETag: pageEtag(request, value) }),
  }
}

/** True when the request's If-None-Match names this ETag (weak comparison, as for GET). */
export function notModified(request: Request, etag: string | null): boolean {
  if (!["GET", "HEAD"].includes(request.method.toUpperCase())) return false
  return notModifiedBy(request.headers.get("If-None-Match"), etag)
}

/** True when an If-None-Match header names this ETag (weak comparison). */
export function notModifiedBy(header: string | null, etag: string | null): boolean {
  if (!etag || !header) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, "")
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag))
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
