import { createHash } from "node:crypto"

/**
 * Rate-limit policies (docs/security.md): fixed windows counted in Redis or
 * PostgreSQL by the throttle module, never in process memory. A request is
 * refused when any of its counters has gone over its limit; the answer is 429
 * with Retry-After, the refusal is logged.
 */
export type Policy = { limit: number; windowSeconds: number }

export const POLICIES = {
  /** Sign-in attempts on one account (any actor), failures only: a success clears it. */
  signInAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Sign-in attempts from one address, across accounts and actors; a success gives its attempt back. */
  signInAddress: { limit: 30, windowSeconds: 15 * 60 },
  /** Accounts registered from one address. */
  registerAddress: { limit: 20, windowSeconds: 60 * 60 },
  /** Password-reset requests for one account and from one address. */
  resetAccount: { limit: 5, windowSeconds: 60 * 60 },
  resetAddress: { limit: 20, windowSeconds: 60 * 60 },
  /** One-time codes sent to one phone number or email, and requested from one address. */
  oneTimeCodeContact: { limit: 5, windowSeconds: 60 * 60 },
  oneTimeCodeAddress: { limit: 20, windowSeconds: 60 * 60 },
  /** At most one code a minute to one contact ("重新发送" waits). */
  oneTimeCodeResend: { limit: 1, windowSeconds: 60 },
  /** Codes entered for one contact (a right one clears it), and from one address across contacts. */
  oneTimeCodeVerify: { limit: 5, windowSeconds: 15 * 60 },
  oneTimeCodeVerifyAddress: { limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, Policy>

export type PolicyName = keyof typeof POLICIES
export type Rule = { name: PolicyName; key: string } & Policy

/** An account identifier as a counter key: normalised, then hashed (keys hold no email or phone number). */
export function identifierDigest(identifier: string): string {
  return createHash("sha256").update(identifier.trim().toLowerCase(), "utf8").digest("base64url").slice(0, 32)
}

export function rule(name: PolicyName, ...parts: string[]): Rule {
  return { name, key: `${name}:${parts.join(":")}`, ...POLICIES[name] }
}

/** The counters one attempt of a kind touches. */
export function rulesFor(
  kind: "sign_in" | "register" | "reset_password" | "one_time_code_send" | "one_time_code_verify",
  { actor, identifier, address }: { actor: string; identifier: string | null; address: string }
): Rule[] {
  const account = identifier ? identifierDigest(identifier) : null
  switch (kind) {
    case "sign_in":
      return [...(account ? [rule("signInAccount", actor, account)] : []), rule("signInAddress", address)]
    case "register":
      return [rule("registerAddress", address)]
    case "reset_password":
      return [...(account ? [rule("resetAccount", actor, account)] : []), rule("resetAddress", address)]
    case "one_time_code_send":
      return [
        ...(account ? [rule("oneTimeCodeResend", actor, account), rule("oneTimeCodeContact", account)] : []),
        rule("oneTimeCodeAddress", address),
      ]
    case "one_time_code_verify":
      return [
        ...(account ? [rule("oneTimeCodeVerify", actor, account)] : []),
        rule("oneTimeCodeVerifyAddress", address),
      ]
  }
}

export type Verdict =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; exceeded: Rule[]; firstRefusal: boolean }

/** Given each rule's count after this attempt: refused when any count is over its limit, until the last such window ends. */
export function decide(rules: Rule[], hits: Array<{ count: number; resetAt: Date }>, now: Date): Verdict {
  const over = rules.map((r, i) => ({ r, hit: hits[i] })).filter(({ r, hit }) => hit.count > r.limit)
  if (!over.length) return { allowed: true }
  const until = Math.max(...over.map(({ hit }) => hit.resetAt.getTime()))
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
    exceeded: over.map(({ r }) => r),
    // The attempt that first went over: logged as a warning, the rest of the flood quietly.
    firstRefusal: over.some(({ r, hit }) => hit.count === r.limit + 1),
  }
}

/** The 429 body: Chinese first, the wait in minutes. */
export function tooManyMessage(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `尝试次数过多，请 ${minutes} 分钟后再试。(too many attempts; try again in ${minutes} min)`
}
