import type { IncomingMessage, ServerResponse } from "node:http"
import { compileTrust, requestIsTls, type TrustFn } from "./proxy-trust"
import { checkBody, checkRequestTarget, describeProblem, type GuardProblem } from "./request-guard"

/**
 * The backend's edge: what every response carries and what every request
 * must pass before any route, ours or Medusa's (Medusa Admin at /app and
 * uploads at /static included). Installed as the first middleware of the
 * Express app by backend/instrumentation.ts (and by the integration-test
 * setup), so it runs before Medusa's own middlewares decode anything.
 */

type Req = IncomingMessage & { app?: any; originalUrl?: string; body?: unknown }
type Next = (error?: unknown) => void

export const HSTS = "max-age=31536000; includeSubDomains"

/** Headers for every backend response; HSTS only when the request came over TLS. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, trust: TrustFn) {
  res.removeHeader("X-Powered-By")
  res.setHeader("X-Content-Type-Options", "nosniff")
  // Nothing of the backend (Medusa Admin included) is meant to be framed.
  res.setHeader("X-Frame-Options", "DENY")
  res.setHeader("Content-Security-Policy", "frame-ancestors 'none'")
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin")
  if (requestIsTls(req, trust)) res.setHeader("Strict-Transport-Security", HSTS)
}

/**
 * The name of the route parameter at a path position (`/store/products/:id`
 * → segment 3 is `id`), found among the routes registered on the app, so a
 * 400 can name the parameter, not only its position.
 */
export function routeParamName(app: any, path: string, index: number): string | null {
  const segments = path.split("?")[0].split("/")
  const stack: any[] = app?._router?.stack ?? []
  for (const layer of stack) {
    const routePath = layer?.route?.path
    if (typeof routePath !== "string") continue
    const parts = routePath.split("/")
    if (parts.length !== segments.length) continue
    const name = parts[index]
    if (!name?.startsWith(":")) continue
    const fits = parts.every(
      (p, i) => i === index || p.startsWith(":") || p.toLowerCase() === segments[i].toLowerCase()
    )
    if (fits) return name.slice(1).replace(/\?$/, "")
  }
  return null
}

/** The problem with a request's path or query, its path parameter named when a route knows it. */
export function targetProblem(req: Req): GuardProblem | null {
  const target = req.originalUrl ?? req.url ?? "/"
  const problem = checkRequestTarget(target, { store: target.startsWith("/store") })
  if (!problem) return null
  const position = /^path segment (\d+)$/.exec(problem.field)
  if (position) {
    const name = routeParamName(req.app, target, Number(position[1]))
    if (name) return { ...problem, field: name }
    return { ...problem, field: "path" }
  }
  return problem
}

export function answerBadInput(res: ServerResponse, problem: GuardProblem) {
  const body = JSON.stringify({ type: "invalid_data", message: describeProblem(problem), field: problem.field })
  res.statusCode = 400
  res.setHeader("Content-Type", "application/json; charset=utf-8")
  res.setHeader("Content-Length", Buffer.byteLength(body))
  res.end(body)
}

/** The first middleware of the app: headers, then the path and query guard. */
export function createHttpEdge({ trustProxy = process.env.TRUST_PROXY }: { trustProxy?: string } = {}) {
  const trust = compileTrust(trustProxy)
  return function lianxinHttpEdge(req: Req, res: ServerResponse, next: Next) {
    setSecurityHeaders(req, res, trust)
    const problem = targetProblem(req)
    if (problem) return answerBadInput(res, problem)
    next()
  }
}

/**
 * The plugin's global API middleware (api/middlewares.ts): the same path and
 * query guard for a backend started without the edge, and the JSON body,
 * which is parsed only by then.
 */
export function inputGuard(req: Req, res: ServerResponse, next: Next) {
  const problem = targetProblem(req) ?? (Buffer.isBuffer(req.body) ? null : checkBody(req.body))
  if (problem) return answerBadInput(res, problem)
  next()
}

const INSTALLED = Symbol.for("lianxin.httpEdge")

/**
 * Makes the edge the first middleware of every Express app created from now
 * on in this process (Medusa creates one): `express.application.init` is
 * wrapped so the app disables X-Powered-By and mounts the edge before anything
 * else is registered. Idempotent.
 */
export function installHttpEdge(express: any = require("express"), options: { trustProxy?: string } = {}) {
  const application = express.application
  if (application[INSTALLED]) return
  const edge = createHttpEdge(options)
  const init = application.init
  application.init = function initWithEdge(this: any, ...args: unknown[]) {
    const result = init.apply(this, args)
    this.disable("x-powered-by")
    this.use(edge)
    return result
  }
  application[INSTALLED] = true
}
