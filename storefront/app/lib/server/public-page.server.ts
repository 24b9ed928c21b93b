import { langFromCookieHeader } from "../i18n"
import { notModifiedBy, personalCookieIn } from "./http.server"
import { getStoreClient } from "./medusa.server"
import { createPageCache, type PageCache } from "./page-cache.server"
import { publicCopiesVersion } from "./public-cache.server"

/**
 * The front door for public pages (issue 16, decision 031): a visitor without a session or a chosen compound who asks
 * for a page rendered a moment ago under the same catalogue version gets it before React Router runs a loader.
 *
 * scripts/server.mjs asks `frontDoor` first. On a miss it hands the request on with the version it saw in
 * PAGE_VERSION_HEADER (set by the server, never by a client), and entry.server.tsx, when it keeps the rendered page
 * (page-cache.server.ts: public, an ETag, no cookie set), also keeps it under that version, the language and the URL.
 * The loaders ran after the version was read, so a page kept under a version holds data at least that new.
 *
 * A kept page is served for at most PAGE_MAX_AGE_MS and only while the catalogue version is the one it was kept under
 * (the version is asked at most once a second, as for the public copies): a price, stock, status, attribution, consent
 * or split-policy change shows on the next view after the version moves, as before. Each view gets its own CSP nonce;
 * a revalidation whose If-None-Match names the kept ETag gets a 304.
 */

/** Set by scripts/server.mjs on every request it hands to React Router (a client's own is removed). */
export const PAGE_VERSION_HEADER = "x-lianxin-page-version"

export type FrontRequest = {
  method: string
  /** Path and query, as the client sent them. */
  url: string
  cookie?: string | null
  ifNoneMatch?: string | null
  /** This response's CSP nonce. */
  nonce?: string | null
}

export type FrontAnswer = { status: 200 | 304; headers: Array<[string, string]>; body: string | null }

/** A kept page's answer, or the version to render under (null: keep nothing). */
export type FrontResult = { answer: FrontAnswer } | { answer: null; version: string | null }

export type FrontDoor = {
  serve(request: FrontRequest): Promise<FrontResult>
  /**
   * After a page was kept (or served) under its ETag: keep it for the front door too. `renderedAt`: when it was
   * rendered, so a page served again from the ETag copy is not kept longer than PAGE_MAX_AGE_MS after its render.
   */
  keep(request: Request, html: string, nonce: string, headers: Headers, renderedAt?: number): void
  stats(): { hits: number; misses: number; size: number }
}

const NO_VERSION: FrontResult = { answer: null, version: null }

/** The front key: the version, the language and the path with the query. */
function frontKey(version: string, cookie: string | null | undefined, url: string): string {
  return `${version} ${langFromCookieHeader(cookie)} ${url}`
}

export function createFrontDoor(
  version: () => Promise<string | null>,
  pages: PageCache = createPageCache()
): FrontDoor {
  return {
    async serve({ method, url, cookie, ifNoneMatch, nonce }) {
      const verb = method.toUpperCase()
      if ((verb !== "GET" && verb !== "HEAD") || personalCookieIn(cookie)) return NO_VERSION
      if (process.env.LIANXIN_PAGE_CACHE === "off") return NO_VERSION
      const current = await version().catch(() => null)
      if (current === null) return NO_VERSION
      // A kept page is only ever served with a fresh nonce of this response; without one it is rendered.
      const page = nonce && nonce.length >= 16 ? pages.read(frontKey(current, cookie, url), nonce) : null
      if (!page) return { answer: null, version: current }
      const etag = page.headers.find(([name]) => name.toLowerCase() === "etag")?.[1] ?? null
      if (notModifiedBy(ifNoneMatch ?? null, etag))
        return { answer: { status: 304, headers: page.headers, body: null } }
      return { answer: { status: 200, headers: page.headers, body: verb === "HEAD" ? null : page.html } }
    },
    keep(request, html, nonce, headers, renderedAt) {
      const version = request.headers.get(PAGE_VERSION_HEADER)
      if (!version || request.method.toUpperCase() !== "GET") return
      const url = new URL(request.url)
      const kept: Array<[string, string]> = []
      headers.forEach((value, name) => {
        if (name !== "set-cookie") kept.push([name, value])
      })
      const key = frontKey(version, request.headers.get("Cookie"), `${url.pathname}${url.search}`)
      pages.set(key, html, nonce, kept, renderedAt)
    },
    stats: () => pages.stats(),
  }
}

let door: FrontDoor | undefined

/** This process's front door, over the storefront's public copies' version. */
export function getFrontDoor(): FrontDoor {
  door ??= createFrontDoor(() => publicCopiesVersion(getStoreClient()))
  return door
}
