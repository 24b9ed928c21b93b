import { createReadableStreamFromReadable } from "@react-router/node"
import { isbot } from "isbot"
import { renderToPipeableStream } from "react-dom/server"
import { ServerRouter, type EntryContext } from "react-router"
import { CSP_NONCE_HEADER, NonceContext } from "./lib/nonce"
import { getEnv } from "./lib/server/env.server"
import { notModified } from "./lib/server/http.server"
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
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellSent = true
        // Not a plain PassThrough: React 18 leaks NUL bytes into Chinese text (lib/server/strip-nul.server.ts).
        const body = createNulStripper()
        body.once("close", () => clearTimeout(timer))
        responseHeaders.set("Content-Type", "text/html; charset=utf-8")
        responseHeaders.set("X-Content-Type-Options", "nosniff")
        responseHeaders.set("Referrer-Policy", "strict-origin-when-cross-origin")
        resolve(new Response(createReadableStreamFromReadable(body), { status, headers: responseHeaders }))
        pipe(body)
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

/** Client-side navigations fetch the same loader data (`.data`): the same ETag answers them with a 304. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (response.status === 200 && notModified(request, response.headers.get("ETag"))) {
    return new Response(null, { status: 304, headers: response.headers })
  }
  return response
}
