import { describe, expect, it } from "vitest"
import { EnvError, parseBackendEnv } from "./env"

const base = { DATABASE_URL: "postgres://postgres@localhost:5432/lianxin" }

function problems(raw: Record<string, string | undefined>): string[] {
  try {
    parseBackendEnv(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return (error as EnvError).problems
  }
  throw new Error("expected parseBackendEnv to throw")
}

describe("parseBackendEnv", () => {
  it("accepts the minimum and fills development defaults", () => {
    const env = parseBackendEnv(base)
    expect(env.NODE_ENV).toBe("development")
    expect(env.MEDUSA_WORKER_MODE).toBe("shared")
    expect(env.STORE_CORS).toContain("http://localhost:3000")
    expect(env.REDIS_URL).toBeUndefined()
  })

  it("names a missing DATABASE_URL", () => {
    expect(problems({})).toEqual([expect.stringMatching(/^DATABASE_URL is required/)])
  })

  it("treats an empty variable as unset", () => {
    expect(problems({ DATABASE_URL: "" })[0]).toMatch(/^DATABASE_URL/)
  })

  it("does not need a database to build", () => {
    expect(parseBackendEnv({ LIANXIN_CONFIG_PHASE: "build" }).DATABASE_URL).toBeUndefined()
  })

  it("names each malformed variable", () => {
    const found = problems({
      DATABASE_URL: "mysql://nope",
      DATABASE_MIGRATION_URL: "owner@localhost/lianxin",
      REDIS_URL: "localhost:6379",
      MEDUSA_WORKER_MODE: "both",
      STORE_CORS: "localhost:3000",
    })
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual(
      ["DATABASE_MIGRATION_URL", "DATABASE_URL", "MEDUSA_WORKER_MODE", "REDIS_URL", "STORE_CORS"].sort()
    )
  })

  it("requires real secrets in production", () => {
    const found = problems({ ...base, NODE_ENV: "production" })
    expect(found).toEqual([
      "JWT_SECRET is required in production",
      "COOKIE_SECRET is required in production",
      "LIANXIN_REGISTRY_KEY is required in production",
      "LIANXIN_PICKUP_KEY is required in production",
    ])
    expect(
      parseBackendEnv({
        ...base,
        NODE_ENV: "production",
        JWT_SECRET: "x".repeat(32),
        COOKIE_SECRET: "y".repeat(32),
        LIANXIN_REGISTRY_KEY: "ab".repeat(32),
        LIANXIN_PICKUP_KEY: Buffer.alloc(32, 1).toString("base64"),
      }).NODE_ENV
    ).toBe("production")
  })

  it("rejects a registry key that is not 32 bytes", () => {
    expect(problems({ ...base, LIANXIN_REGISTRY_KEY: "abc" })[0]).toMatch(/^LIANXIN_REGISTRY_KEY must be 32 bytes/)
  })

  it("reads rotated keys: current id and previous keys by id, never quoting a key in a message", () => {
    const old = Buffer.alloc(32, 3).toString("base64")
    const env = parseBackendEnv({ ...base, LIANXIN_REGISTRY_KEY_ID: "v2", LIANXIN_REGISTRY_KEY_PREVIOUS: `v1:${old}` })
    expect([env.LIANXIN_REGISTRY_KEY_ID, env.LIANXIN_REGISTRY_KEY_PREVIOUS]).toEqual(["v2", { v1: old }])
    expect([env.LIANXIN_PICKUP_KEY_ID, env.LIANXIN_PICKUP_KEY_PREVIOUS]).toEqual(["v1", {}])
    const bad = problems({ ...base, LIANXIN_PICKUP_KEY_PREVIOUS: "v0:tooshort" })
    expect(bad.map((p) => p.split(" ")[0])).toEqual(["LIANXIN_PICKUP_KEY_PREVIOUS"])
    expect(bad.join("\n")).not.toContain("tooshort")
    // The current key's id among the previous ones: the new key was not given a new id.
    const same = problems({ ...base, LIANXIN_REGISTRY_KEY_PREVIOUS: `v1:${old}` })
    expect(same.map((p) => p.split(" ")[0])).toEqual(["LIANXIN_REGISTRY_KEY_PREVIOUS"])
    expect(same.join("\n")).not.toContain(old)
    expect(problems({ ...base, LIANXIN_PICKUP_KEY_ID: "V 2" })[0]).toMatch(
      /^LIANXIN_PICKUP_KEY_ID must be 1-16 lowercase/
    )
  })

  it("rejects short secrets", () => {
    expect(problems({ ...base, JWT_SECRET: "short" })[0]).toMatch(/^JWT_SECRET must be at least 16/)
  })

  it("names malformed notification settings and the Aliyun keys the aliyun adapter needs", () => {
    const found = problems({
      ...base,
      LIANXIN_QUIET_HOURS: "21:30",
      LIANXIN_SMTP_PORT: "smtp",
      ALIYUN_SMS_TEMPLATES: "[1]",
    })
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual([
      "ALIYUN_SMS_TEMPLATES",
      "LIANXIN_QUIET_HOURS",
      "LIANXIN_SMTP_PORT",
    ])
    expect(problems({ ...base, LIANXIN_SMS_ADAPTER: "aliyun" }).map((p) => p.split(" ")[0])).toEqual([
      "ALIYUN_SMS_ACCESS_KEY_ID",
      "ALIYUN_SMS_ACCESS_KEY_SECRET",
      "ALIYUN_SMS_SIGN_NAME",
    ])
    expect(parseBackendEnv({ ...base, LIANXIN_QUIET_HOURS: "off" }).LIANXIN_QUIET_HOURS).toBe("off")
    expect(parseBackendEnv(base).LIANXIN_SMS_ADAPTER).toBe("outbox")
  })

  it("Stripe keys come both or not at all, each in its own shape", () => {
    expect(problems({ ...base, STRIPE_API_KEY: "sk_test_abc" })).toEqual([
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is required together/),
    ])
    expect(problems({ ...base, STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toEqual([
      expect.stringMatching(/^STRIPE_API_KEY is required together/),
    ])
    expect(problems({ ...base, STRIPE_API_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" })[0]).toMatch(
      /^STRIPE_API_KEY must be a Stripe secret key/
    )
    expect(problems({ ...base, STRIPE_API_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "abc" })[0]).toMatch(
      /^STRIPE_WEBHOOK_SECRET must be/
    )
    expect(problems({ ...base, STRIPE_PAYMENT_METHODS: "wechat_pay,paypal" })[0]).toMatch(/^STRIPE_PAYMENT_METHODS/)
    expect(problems({ ...base, STRIPE_WEBHOOK_DELAY_MS: "0" })[0]).toMatch(/^STRIPE_WEBHOOK_DELAY_MS/)
    expect(
      problems({
        ...base,
        NODE_ENV: "production",
        JWT_SECRET: "x".repeat(16),
        COOKIE_SECRET: "x".repeat(16),
        LIANXIN_REGISTRY_KEY: "a".repeat(64),
        LIANXIN_PICKUP_KEY: "b".repeat(64),
        STRIPE_API_KEY: "sk_live_abc",
        STRIPE_WEBHOOK_SECRET: "whsec_abc",
        STRIPE_API_HOST: "http://stripe.internal:12111",
      })
    ).toEqual([expect.stringMatching(/^STRIPE_API_HOST must be https \(or http on 127.0.0.1\/localhost/)])
    // The test server on loopback is fine in production mode (`medusa start` is production, also locally).
    expect(
      parseBackendEnv({
        ...base,
        NODE_ENV: "production",
        JWT_SECRET: "x".repeat(16),
        COOKIE_SECRET: "x".repeat(16),
        LIANXIN_REGISTRY_KEY: "a".repeat(64),
        LIANXIN_PICKUP_KEY: "b".repeat(64),
        STRIPE_API_KEY: "sk_test_abc",
        STRIPE_WEBHOOK_SECRET: "whsec_abc",
        STRIPE_API_HOST: "http://127.0.0.1:12111",
      }).STRIPE_API_HOST
    ).toBe("http://127.0.0.1:12111")
    expect(
      parseBackendEnv({ ...base, STRIPE_API_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" })
        .STRIPE_PAYMENT_METHODS
    ).toEqual(["wechat_pay", "alipay", "card"])
  })
})
