#!/usr/bin/env node
// The storefront's HTTP server (instead of react-router-serve, which allows no
// middleware): the built React Router app behind the headers every response
// needs (docs/security.md). Started by scripts/start.mjs; `node scripts/server.mjs`
// alone serves build/ on PORT.
import crypto from "node:crypto"
import path from "node:path"
import url from "node:url"
import { createRequestHandler } from "@react-router/express"
import compression from "compression"
import express from "express"
import morgan from "morgan"
import proxyaddr from "proxy-addr"

/**
 * Set by this server on every request it hands to the app, replacing whatever
 * a client sent: the client's address (TRUST_PROXY applied) and the response's
 * CSP nonce (entry.server.tsx reads it; the app runs with middleware, whose
 * load context cannot carry plain values).
 */
export const CLIENT_ADDRESS_HEADER = "x-lianxin-client-address"
export const CSP_NONCE_HEADER = "x-lianxin-csp-nonce"
/** The catalogue version the front door saw (app/lib/server/public-page.server.ts `PAGE_VERSION_HEADER`). */
export const PAGE_VERSION_HEADER = "x-lianxin-page-version"
export const HSTS = "max-age=31536000; includeSubDomains"
export const DEFAULT_TRUST_PROXY = "loopback"

/** TRUST_PROXY as the backend reads it: false, true, a hop count, or loopback/linklocal/uniquelocal/addresses/CIDRs. */
export function compileTrust(setting = DEFAULT_TRUST_PROXY) {
  const value = String(setting).trim() || DEFAULT_TRUST_PROXY
  if (value === "false" || value === "none") return () => false
  if (value === "true") return () => true
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return (_address, hop) => hop < hops
  }
  try {
    return proxyaddr.compile(
      value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    )
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must be false, true, a number of hops or a list of loopback, linklocal, uniquelocal, addresses and CIDR ranges (${error.message})`
    )
  }
}

/**
 * A 304 (a public page whose ETag matched) must not carry this response's CSP:
 * caches update the stored response's headers from a 304, and the stored page's
 * inline scripts carry the nonce of the policy stored with it.
 */
export function withoutPolicyOn304(_req, res, next) {
  const writeHead = res.writeHead
  res.writeHead = function (status, ...rest) {
    if (status === 304) res.removeHeader("Content-Security-Policy")
    return writeHead.call(this, status, ...rest)
  }
  next()
}

/**
 * The Content-Security-Policy of a page: scripts only from this origin or
 * inline with this response's nonce (React Router's hydration data and module
 * bootstrap carry it, see entry.server.tsx); styles from this origin, style
 * attributes allowed (a share bar's width); images also from the backend
 * (product photos) and any https origin (a file provider's CDN); Stripe.js
 * and its frames when card payment is configured; never framed.
 */
export function contentSecurityPolicy({ nonce, backendUrl, tls, stripe = false }) {
  const backend = backendUrl ? new URL(backendUrl).origin : ""
  // Card payment (STRIPE_PUBLISHABLE_KEY set) loads Stripe.js, its iframes and API calls from Stripe only.
  const stripeScript = stripe ? " https://js.stripe.com https://*.js.stripe.com" : ""
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${stripeScript}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob: https: ${backend}`.trim(),
    "font-src 'self' data:",
    `connect-src 'self'${stripe ? " https://api.stripe.com" : ""}`,
    ...(stripe ? ["frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com"] : []),
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]
  if (tls) directives.push("upgrade-insecure-requests")
  return directives.join("; ")
}

/**
 * Headers and per-request facts for every response: the CSP nonce and the
 * client's address (handed on as headers the client cannot set),
 * X-Forwarded-Host only from trusted proxies.
 */
export function securityMiddleware({ trust, backendUrl, stripe = false }) {
  return function lianxinSecurity(req, res, next) {
    const peer = req.socket.remoteAddress ?? ""
    if (!trust(peer, 0)) delete req.headers["x-forwarded-host"]
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? peer
    const nonce = crypto.randomBytes(16).toString("base64")
    res.locals.cspNonce = nonce
    req.headers[CSP_NONCE_HEADER] = nonce
    res.setHeader("Content-Security-Policy", contentSecurityPolicy({ nonce, backendUrl, tls: req.secure, stripe }))
    res.setHeader("X-Frame-Options", "DENY")
    res.setHeader("X-Content-Type-Options", "nosniff")
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin")
    // The office portal scans QR codes with the camera; nothing needs the rest.
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()")
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin")
    if (req.secure) res.setHeader("Strict-Transport-Security", HSTS)
    next()
  }
}

/**
 * Public pages kept by the app answer here, before React Router runs a loader (decision 031): the build's
 * `frontDoor` (app/entry.server.tsx) gives a kept page with this response's nonce, or the catalogue version to render
 * under, which is handed on in PAGE_VERSION_HEADER. A client's own PAGE_VERSION_HEADER never reaches the app.
 */
export function frontDoorMiddleware(frontDoor) {
  return async function lianxinFrontDoor(req, res, next) {
    delete req.headers[PAGE_VERSION_HEADER]
    if (!frontDoor || (req.method !== "GET" && req.method !== "HEAD")) return next()
    let result
    try {
      result = await frontDoor({
        method: req.method,
        url: req.originalUrl,
        cookie: req.headers.cookie ?? null,
        ifNoneMatch: req.headers["if-none-match"] ?? null,
        nonce: res.locals.cspNonce ?? null,
      })
    } catch (error) {
      // The front door is only a shortcut: the page is rendered as if it were not there.
      console.error(`[storefront] front door: ${error instanceof Error ? error.message : error}`)
      return next()
    }
    if (!result.answer) {
      if (result.version) req.headers[PAGE_VERSION_HEADER] = result.version
      return next()
    }
    const { status, headers, body } = result.answer
    res.status(status)
    for (const [name, value] of headers) res.setHeader(name, value)
    res.end(body ?? undefined)
  }
}

/** The app: what react-router-serve did (compression, static files, the request handler) plus the headers above. */
export function createServerApp({
  build,
  clientDir,
  trustProxy = process.env.TRUST_PROXY,
  backendUrl = process.env.MEDUSA_BACKEND_URL,
  mode = process.env.NODE_ENV,
  log = true,
}) {
  const trust = compileTrust(trustProxy)
  const app = express()
  app.disable("x-powered-by")
  // req.ip and req.secure believe X-Forwarded-* only from TRUST_PROXY's proxies.
  app.set("trust proxy", trust)
  // Liveness and readiness probes (load balancer, Kubernetes, Docker): this process answers. It does not ask the
  // backend: pages already answer 503 while it is away, and a probe that did would take every storefront out at once.
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/plain").send("ok")
  })
  app.use(
    securityMiddleware({
      trust,
      backendUrl: backendUrl ?? "http://localhost:9000",
      stripe: Boolean(process.env.STRIPE_PUBLISHABLE_KEY?.trim()),
    })
  )
  app.use(withoutPolicyOn304)
  app.use(compression())
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }))
  app.use(express.static(clientDir, { maxAge: "1h" }))
  if (log) app.use(morgan("tiny"))
  app.use(frontDoorMiddleware(build.entry?.module?.frontDoor))
  app.all("*", createRequestHandler({ build, mode }))
  return app
}

async function main() {
  process.env.NODE_ENV ??= "production"
  const storefrontDir = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..")
  const buildPath = path.resolve(process.argv[2] ?? path.join(storefrontDir, "build", "server", "index.js"))
  const build = await import(url.pathToFileURL(buildPath).href)
  const clientDir = path.resolve(path.dirname(buildPath), "..", "client")
  const app = createServerApp({ build, clientDir })
  const port = Number(process.env.PORT ?? 3000)
  const server = process.env.HOST ? app.listen(port, process.env.HOST) : app.listen(port)
  server.once("listening", () => console.log(`[storefront] listening on http://localhost:${port}`))
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => server.close(() => process.exit(0)))
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === url.fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[storefront] ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
