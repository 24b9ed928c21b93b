import { describe, expect, it } from "vitest"
import { POLICIES, decide, identifierDigest, rulesFor, tooManyMessage } from "./rate-limit"

const now = new Date("2026-12-05T10:00:00Z")
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000)

describe("rate-limit policies", () => {
  it("sign-in counts per account (per actor) and per address; keys hold no email", () => {
    const rules = rulesFor("sign_in", {
      actor: "pickup_staff",
      identifier: " Staff@Example.COM ",
      address: "203.0.113.7",
    })
    expect(rules.map((r) => r.name)).toEqual(["signInAccount", "signInAddress"])
    expect(rules[0].key).toBe(`signInAccount:pickup_staff:${identifierDigest("staff@example.com")}`)
    expect(rules[1].key).toBe("signInAddress:203.0.113.7")
    expect(JSON.stringify(rules)).not.toMatch(/example/i)
    // The same person as a customer is another account.
    expect(rulesFor("sign_in", { actor: "customer", identifier: "staff@example.com", address: "x" })[0].key).not.toBe(
      rules[0].key
    )
    expect(rulesFor("sign_in", { actor: "user", identifier: null, address: "x" }).map((r) => r.name)).toEqual([
      "signInAddress",
    ])
  })

  it("allows up to the limit, refuses the next until the window ends, and flags the first refusal", () => {
    const rules = rulesFor("sign_in", { actor: "customer", identifier: "a@b.c", address: "1.1.1.1" })
    const limit = POLICIES.signInAccount.limit
    expect(
      decide(
        rules,
        [
          { count: limit, resetAt: at(600) },
          { count: 1, resetAt: at(900) },
        ],
        now
      )
    ).toEqual({ allowed: true })
    const first = decide(
      rules,
      [
        { count: limit + 1, resetAt: at(600) },
        { count: 2, resetAt: at(900) },
      ],
      now
    )
    expect(first).toMatchObject({ allowed: false, retryAfterSeconds: 600, firstRefusal: true })
    const later = decide(
      rules,
      [
        { count: limit + 5, resetAt: at(59.2) },
        { count: 99, resetAt: at(300) },
      ],
      now
    )
    expect(later).toMatchObject({ allowed: false, retryAfterSeconds: 300, firstRefusal: false })
    expect(later.allowed === false && later.exceeded.map((r) => r.name)).toEqual(["signInAccount", "signInAddress"])
  })

  it("one-time codes: a minute between sends and per contact and address for sending; per contact and address for checking", () => {
    const send = rulesFor("one_time_code_send", { actor: "sign_in", identifier: "13800138000", address: "1.1.1.1" })
    expect(send.map((r) => r.name)).toEqual(["oneTimeCodeResend", "oneTimeCodeContact", "oneTimeCodeAddress"])
    expect(send[0]).toMatchObject({ limit: 1, windowSeconds: 60 })
    // The key names no number: the contact is hashed.
    expect(send.map((r) => r.key).join()).not.toContain("13800138000")
    const verify = rulesFor("one_time_code_verify", { actor: "sign_in", identifier: "13800138000", address: "1.1.1.1" })
    expect(verify.map((r) => r.name)).toEqual(["oneTimeCodeVerify", "oneTimeCodeVerifyAddress"])
    // Purposes count apart: claiming orders does not use up the sign-in tries of the same number.
    const claim = rulesFor("one_time_code_verify", {
      actor: "verify_contact",
      identifier: "13800138000",
      address: "1.1.1.1",
    })
    expect(claim[0].key).not.toBe(verify[0].key)
  })

  it("says how long to wait, in whole minutes, Chinese first", () => {
    expect(tooManyMessage(61)).toBe("尝试次数过多，请 2 分钟后再试。(too many attempts; try again in 2 min)")
    expect(tooManyMessage(1)).toContain("1 分钟")
  })
})
