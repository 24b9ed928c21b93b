import { Transform } from "node:stream"

/**
 * Rendered public pages kept by this process for a few seconds (issue 16, decision 029).
 *
 * A public page (no session, no chosen compound: Cache-Control `public`, with an ETag) is the same document for every
 * visitor who reads it in the same language, except for the CSP nonce its inline scripts carry. Rendering it is most
 * of what a view costs once the loaders answer from the public copies (public-cache.server.ts), so the document is
 * kept under its URL and ETag — the ETag is a hash of the page's data, language and build (http.server.ts `pageEtag`),
 * so new data is a new key — and each later view gets it with its own nonce put in. Kept `maxAgeMs` at most, so
 * nothing the render adds beyond the loaders' data (a date, say) is older than that.
 *
 * Not kept: any page that sets a cookie, is not `public`, has no ETag, or was rendered without a nonce.
 */

/** `parts`: the document split where the first response's nonce stood (the nonce is put back between them). */
export type KeptPage = { parts: string[]; at: number; headers: Array<[string, string]> }

export type PageCacheOptions = { maxEntries?: number; maxAgeMs?: number; now?: () => number }

export const PAGE_MAX_AGE_MS = 10_000
export const PAGE_MAX_ENTRIES = 300

export function createPageCache({
  maxEntries = PAGE_MAX_ENTRIES,
  maxAgeMs = PAGE_MAX_AGE_MS,
  now = Date.now,
}: PageCacheOptions = {}) {
  const pages = new Map<string, KeptPage>()
  let hits = 0
  let misses = 0
  /** The page's document with this response's nonce, the headers it was kept with and when it was rendered, or null. */
  function read(key: string, nonce: string): { html: string; headers: Array<[string, string]>; at: number } | null {
    const page = pages.get(key)
    if (!page || now() - page.at >= maxAgeMs) {
      if (page) pages.delete(key)
      misses++
      return null
    }
    hits++
    return { html: page.parts.join(nonce), headers: page.headers, at: page.at }
  }
  return {
    /** The page's document with this response's nonce, or null. */
    get: (key: string, nonce: string): string | null => read(key, nonce)?.html ?? null,
    read,
    /** `at`: when the document was rendered (a page kept again under another key keeps its first render's age). */
    set(key: string, html: string, nonce: string, headers: Array<[string, string]> = [], at = now()) {
      // A nonce that is not in the document would be put nowhere; one that is too short could match page text.
      if (nonce.length < 16 || !html.includes(nonce)) return
      pages.delete(key)
      pages.set(key, { parts: html.split(nonce), at, headers })
      if (pages.size > maxEntries) pages.delete(pages.keys().next().value as string)
    },
    stats: () => ({ hits, misses, size: pages.size }),
  }
}

export type PageCache = ReturnType<typeof createPageCache>

/** The key a rendered page may be kept under, or null when it must be rendered for this request alone. */
export function keptPageKey(
  request: Request,
  status: number,
  headers: Headers,
  nonce: string | undefined
): string | null {
  if (status !== 200 || request.method.toUpperCase() !== "GET" || !nonce) return null
  if (process.env.LIANXIN_PAGE_CACHE === "off") return null
  const etag = headers.get("ETag")
  const cacheControl = headers.get("Cache-Control") ?? ""
  if (!etag || !/(^|,)\s*public\s*(,|$)/.test(cacheControl) || headers.has("Set-Cookie")) return null
  const url = new URL(request.url)
  return `${etag} ${url.pathname}${url.search}`
}

/** Passes a document through while keeping a copy; `done` gets the whole text once it has all gone through. */
export function recordingStream(done: (text: string) => void) {
  const chunks: Buffer[] = []
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk)
      callback(null, chunk)
    },
    flush(callback) {
      done(Buffer.concat(chunks).toString("utf8"))
      callback()
    },
  })
}
