import type { Transform } from "node:stream"
import { createReadableStreamFromReadable } from "@react-router/node"
import { isbot } from "isbot"
import { renderToPipeableStream } from "react-dom/server"
import { ServerRouter, type EntryContext } from "react-router"
import { CSP_NONCE_HEADER, NonceContext } from "./lib/nonce"
import { getEnv } from "./lib/server/env.server"
import { notModified } from "./lib/server/http.server"
import { createPageCache, keptPageKey, recordingStream } from "./lib/server/page-cache.server"
import { type FrontRequest, type FrontResult, getFrontDoor } from "./lib/server/public-page.server"
import { createNulStripper } from "./lib/server/strip-nul.server"

// Parse the environment when the server build is loaded, so a bad variable
// stops the server at start-up with a message naming it, not at the first request.
getEnv()

/** How long a streamed response may wait for deferred data before we cut it off. */
export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext
) {
  // A public page whose data has not changed since the browser's (or the CDN's) copy: no render, no body.
  if (responseStatusCode === 200 && notModified(request, responseHeaders.get("ETag"))) {
    return new Response(null, { status: 304, headers: responseHeaders })
  }
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders })
  }
  // Crawlers get the complete document; people get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || routerContext.isSpaMode

  // Every inline script of the page (React Router's hydration data and module
  // bootstrap, React's streaming) carries the nonce the CSP allows.
  // scripts/server.mjs sets it on every request (a client's own is replaced);
  // absent under `react-router dev`, which sends no CSP.
  const nonce = request.headers.get(CSP_NONCE_HEADER) ?? undefined
  // A public page rendered a moment ago for someone else: the same document with this response's nonce.
  const keptKey = keptPageKey(request, responseStatusCode, responseHeaders, nonce)
  if (keptKey && nonce) {
    const kept = keptPages.read(keptKey, nonce)
    if (kept !== null) {
      setDocumentHeaders(responseHeaders)
      // The front door missed (the catalogue version moved) but the page's data did not change: the next visitors
      // find it there again under the new version, without running the loaders.
      getFrontDoor().keep(request, kept.html, nonce, responseHeaders, kept.at)
      return new Response(kept.html, { status: responseStatusCode, headers: responseHeaders })
    }
  }
  return new Promise<Response>((resolve, reject) => {
    let shellSent = false
    let status = responseStatusCode
    const app = (
      <NonceContext.Provider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>
    )
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      // A page to keep is rendered whole before it is sent (these pages wait on no deferred data, so it is as soon).
      [waitForAll || keptKey ? "onAllReady" : "onShellReady"]() {
        shellSent = true
        // Not a plain PassThrough: React 18 leaks NUL bytes into Chinese text (lib/server/strip-nul.server.ts).
        const stripped = createNulStripper()
        let body: Transform = stripped
        if (keptKey && nonce) {
          body = stripped.pipe(
            recordingStream((html) => {
              if (status !== 200) return
              keptPages.set(keptKey, html, nonce)
              getFrontDoor().keep(request, html, nonce, responseHeaders)
            })
          )
        }
        body.once("close", () => clearTimeout(timer))
        setDocumentHeaders(responseHeaders)
        resolve(new Response(createReadableStreamFromReadable(body), { status, headers: responseHeaders }))
        pipe(stripped)
      },
      onShellError(error: unknown) {
        reject(error)
      },
      onError(error: unknown) {
        status = 500
        // Errors before the shell is sent are logged by React Router itself.
        if (shellSent) console.error(error)
      },
    })
    // Give deferred data streamTimeout to settle, then flush whatever is left as errors.
    const timer = setTimeout(abort, streamTimeout + 1_000)
  })
}

/** Rendered public pages of this process (lib/server/page-cache.server.ts). */
const keptPages = createPageCache()

/**
 * scripts/server.mjs asks this before React Router: a public page kept under the current catalogue version, with this
 * response's nonce, or the version to render under (lib/server/public-page.server.ts).
 */
export function frontDoor(request: FrontRequest): Promise<FrontResult> {
  return getFrontDoor().serve(request)
}

function setDocumentHeaders(headers: Headers) {
  headers.set("Content-Type", "text/html; charset=utf-8")
  headers.set("X-Content-Type-Options", "nosniff")
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin")
}

/** Client-side navigations fetch the same loader data (`.data`): the same ETag answers them with a 304. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (response.status === 200 && notModified(request, response.headers.get("ETag"))) {
    return new Response(null, { status: 304, headers: response.headers })
  }
  return response
}
