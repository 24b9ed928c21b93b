import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { THROTTLE_MODULE, type ThrottleModuleService } from "../modules/throttle"
import { maskEmail } from "../utils/notify-envelope"
import { clientAddress, compileTrust, type TrustFn } from "../utils/proxy-trust"
import { maskPhone } from "../utils/mask"
import { decide, rulesFor, tooManyMessage, type Rule } from "../utils/rate-limit"

let trust: TrustFn | null = null
/** TRUST_PROXY decides whose X-Forwarded-For names the client (the storefront, a proxy on loopback by default). */
function trusted(): TrustFn {
  trust ??= compileTrust(process.env.TRUST_PROXY)
  return trust
}

type Kind = "sign_in" | "register" | "reset_password"

/**
 * Counts one attempt of `kind` (before it runs) and answers 429 with
 * Retry-After when a counter is over its limit, logging the refusal (the
 * contact masked). Returns the rules counted, or null when it answered 429.
 */
export async function throttleOr429(
  req: MedusaRequest,
  res: MedusaResponse,
  kind: "one_time_code_send" | "one_time_code_verify",
  { purpose, contact }: { purpose: string; contact: string }
): Promise<Rule[] | null> {
  const address = clientAddress(req, trusted())
  const rules = rulesFor(kind, { actor: purpose, identifier: contact, address })
  const throttle = req.scope.resolve<ThrottleModuleService>(THROTTLE_MODULE)
  const now = new Date()
  const hits = await Promise.all(rules.map((r) => throttle.hit(r.key, r.windowSeconds, now)))
  const verdict = decide(rules, hits, now)
  if (verdict.allowed) return rules
  const masked = contact.includes("@") ? maskEmail(contact) : maskPhone(contact)
  const line =
    `[throttle] 429 ${kind} purpose=${purpose} contact=${masked} address=${address} ` +
    `over=${verdict.exceeded.map((r) => r.name).join(",")} retry_after=${verdict.retryAfterSeconds}s`
  const logger = req.scope.resolve("logger")
  if (verdict.firstRefusal) logger.warn(line)
  else logger.info(line)
  res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
  res.status(429).json({
    type: "too_many_requests",
    code: "rate_limited",
    message: tooManyMessage(verdict.retryAfterSeconds),
    retry_after: verdict.retryAfterSeconds,
  })
  return null
}

/** A right code clears the contact's count of tries. */
export async function clearContactTries(req: MedusaRequest, rules: Rule[]) {
  const contact = rules.find((r) => r.name === "oneTimeCodeVerify")
  if (contact) await req.scope.resolve<ThrottleModuleService>(THROTTLE_MODULE).clear(contact.key)
}

/**
 * Rate limits on Medusa's auth routes, for every actor (customer, user,
 * pickup_staff): counted before the attempt runs, so parallel guesses on
 * several servers are refused as soon as the count is over. A successful
 * sign-in clears its account's count and gives its address back its attempt.
 */
export function throttleAuth(kind: Kind) {
  return async function throttleAuthAttempt(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const actor = req.params.actor_type
    // /auth/token/refresh has the same shape as /auth/:actor_type/:auth_provider.
    if (!actor || actor === "token") return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    const identifier =
      typeof body.email === "string" ? body.email : typeof body.identifier === "string" ? body.identifier : null
    const address = clientAddress(req, trusted())
    const rules = rulesFor(kind, { actor, identifier, address })
    const throttle = req.scope.resolve<ThrottleModuleService>(THROTTLE_MODULE)
    const now = new Date()
    const hits = await Promise.all(rules.map((r) => throttle.hit(r.key, r.windowSeconds, now)))
    const verdict = decide(rules, hits, now)
    if (!verdict.allowed) {
      const logger = req.scope.resolve("logger")
      const line =
        `[throttle] 429 ${kind} actor=${actor} account=${identifier ? maskEmail(identifier) : "-"} address=${address} ` +
        `over=${verdict.exceeded.map((r) => r.name).join(",")} retry_after=${verdict.retryAfterSeconds}s`
      if (verdict.firstRefusal) logger.warn(line)
      else logger.info(line)
      res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
      return res.status(429).json({
        type: "too_many_requests",
        code: "rate_limited",
        message: tooManyMessage(verdict.retryAfterSeconds),
        retry_after: verdict.retryAfterSeconds,
      })
    }
    if (kind === "sign_in") {
      res.once("finish", () => {
        if (res.statusCode < 200 || res.statusCode >= 300) return
        const [account, byAddress] = [
          rules.find((r) => r.name === "signInAccount"),
          rules.find((r) => r.name === "signInAddress"),
        ]
        void Promise.all([
          account ? throttle.clear(account.key) : null,
          byAddress ? throttle.refund(byAddress.key) : null,
        ]).catch((error) =>
          req.scope
            .resolve("logger")
            .warn(`[throttle] could not settle a successful sign-in: ${(error as Error).message}`)
        )
      })
    }
    next()
  }
}

export const authThrottleMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth/:actor_type/:auth_provider", methods: ["POST"], middlewares: [throttleAuth("sign_in")] },
  { matcher: "/auth/:actor_type/:auth_provider/register", methods: ["POST"], middlewares: [throttleAuth("register")] },
  {
    matcher: "/auth/:actor_type/:auth_provider/reset-password",
    methods: ["POST"],
    middlewares: [throttleAuth("reset_password")],
  },
]
