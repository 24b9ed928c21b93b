import { describe, expect, it } from "vitest"
import { parseBackendEnv } from "./env"
import { buildMedusaConfig, type infrastructureModules, onlinePaymentProviderIds } from "./medusa"

const resolves = (modules: ReturnType<typeof infrastructureModules>) =>
  modules.map((m) => ("resolve" in m ? m.resolve : undefined))

describe("buildMedusaConfig", () => {
  it("uses Medusa's in-memory infrastructure without REDIS_URL", () => {
    const config = buildMedusaConfig(parseBackendEnv({ DATABASE_URL: "postgres://localhost/x" }))
    expect(resolves(config.modules!)).toEqual(["@medusajs/medusa/file", "@medusajs/medusa/notification"])
    expect(config.projectConfig?.redisUrl).toBeUndefined()
    expect(config.featureFlags).toEqual({})
  })

  it("configures Redis event bus, workflow engine, locking and caching with REDIS_URL", () => {
    const redisUrl = "redis://127.0.0.1:6379"
    const config = buildMedusaConfig(parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", REDIS_URL: redisUrl }))
    expect(config.projectConfig?.redisUrl).toBe(redisUrl)
    expect(resolves(config.modules!)).toEqual([
      "@medusajs/medusa/file",
      "@medusajs/medusa/notification",
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/cache-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/caching",
    ])
    expect(JSON.stringify(config.modules)).not.toContain("undefined")
    expect(config.featureFlags).toEqual({ caching: true })
    const optionsOf = (resolve: string) =>
      (config.modules as Array<{ resolve: string; options?: any }>).find((m) => m.resolve === resolve)?.options
    // Medusa's default is one attempt: a subscriber that fails would never run again.
    expect(optionsOf("@medusajs/medusa/event-bus-redis")?.jobOptions).toMatchObject({
      attempts: 5,
      backoff: { type: "exponential", delay: 2000 },
    })
    // Only the event bus takes job options; the cache keeps its own.
    expect(optionsOf("@medusajs/medusa/cache-redis")).toEqual({ redisUrl })
  })

  it("loads our plugin and serves the admin at /app", () => {
    const config = buildMedusaConfig(parseBackendEnv({ DATABASE_URL: "postgres://localhost/x" }))
    expect(config.plugins).toEqual([
      {
        resolve: "@lianxin/plugin",
        options: {
          registryKey: undefined,
          registryKeyVersion: "v1",
          previousRegistryKeys: {},
          pickupKey: undefined,
          pickupKeyId: "v1",
          previousPickupKeys: {},
          jwtSecret: "lianxin-dev-secret-not-for-production",
          production: false,
          redisUrl: undefined,
          quietHours: "21:30-08:00",
          storefrontUrl: "http://localhost:3000",
        },
      },
    ])
    expect(config.admin?.path).toBe("/app")
    // Same origin unless told otherwise: one dashboard build works on any host and port.
    expect(config.admin?.backendUrl).toBe("")
    const hosted = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEDUSA_ADMIN_BACKEND_URL: "https://api.example.cn" })
    )
    expect(hosted.admin?.backendUrl).toBe("https://api.example.cn")
  })

  it("configures one notification provider per channel: outbox without SMTP, SMTP and Aliyun when set", () => {
    const providers = (env: Record<string, string>) => {
      const config = buildMedusaConfig(parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", ...env }))
      const notification = config.modules!.find(
        (m) => "resolve" in m && m.resolve === "@medusajs/medusa/notification"
      ) as { options: { providers: { id: string; options: Record<string, unknown> }[] } }
      return Object.fromEntries(notification.options.providers.map((p) => [p.id, p.options]))
    }
    const dev = providers({ LIANXIN_OUTBOX_DIR: "/tmp/outbox" })
    expect(Object.keys(dev)).toEqual(["in-app", "email", "sms"])
    expect(dev["in-app"].channels).toEqual(["in_app"])
    expect(dev.email).toMatchObject({ channels: ["email"], outbox_dir: "/tmp/outbox" })
    expect(dev.email.host).toBeUndefined()
    expect(dev.sms).toMatchObject({ channels: ["sms"], adapter: "outbox", outbox_dir: "/tmp/outbox" })

    const prod = providers({
      LIANXIN_SMTP_HOST: "smtp.example.cn",
      LIANXIN_SMTP_PORT: "465",
      LIANXIN_SMTP_SECURE: "true",
      LIANXIN_SMTP_USER: "mailer",
      LIANXIN_SMTP_PASSWORD: "pw",
      LIANXIN_SMS_ADAPTER: "aliyun",
      ALIYUN_SMS_ACCESS_KEY_ID: "id",
      ALIYUN_SMS_ACCESS_KEY_SECRET: "secret",
      ALIYUN_SMS_SIGN_NAME: "连心市集",
      ALIYUN_SMS_TEMPLATES: '{"otp_sign_in":"SMS_1"}',
    })
    expect(prod.email).toMatchObject({ host: "smtp.example.cn", port: 465, secure: true, user: "mailer" })
    expect(prod.email.outbox_dir).toBeUndefined()
    expect(prod.sms).toMatchObject({
      adapter: "aliyun",
      aliyun: { access_key_id: "id", sign_name: "连心市集", templates: { otp_sign_in: "SMS_1" } },
    })
  })

  it("serves local files under this backend's own public URL", () => {
    const config = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEDUSA_BACKEND_URL: "http://localhost:9123/" })
    )
    expect(JSON.stringify(config.modules)).toContain('"backend_url":"http://localhost:9123/static"')
  })

  it("keeps uploads in an S3-compatible bucket with LIANXIN_S3_BUCKET, instead of local files", () => {
    const config = buildMedusaConfig(
      parseBackendEnv({
        DATABASE_URL: "postgres://localhost/x",
        LIANXIN_S3_BUCKET: "lianxin-uploads",
        LIANXIN_S3_REGION: "oss-cn-hangzhou",
        LIANXIN_S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
        LIANXIN_S3_FILE_URL: "https://lianxin-uploads.oss-cn-hangzhou.aliyuncs.com",
        LIANXIN_S3_ACCESS_KEY_ID: "id",
        LIANXIN_S3_SECRET_ACCESS_KEY: "secret",
      })
    )
    const file = (config.modules as Array<{ resolve?: string }>).find(
      (m) => typeof m === "object" && m.resolve === "@medusajs/medusa/file"
    ) as {
      options: { providers: Array<{ resolve: string; id: string; options: Record<string, string> }> }
    }
    expect(file.options.providers).toEqual([
      {
        resolve: "@medusajs/medusa/file-s3",
        id: "s3",
        options: {
          bucket: "lianxin-uploads",
          region: "oss-cn-hangzhou",
          endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
          file_url: "https://lianxin-uploads.oss-cn-hangzhou.aliyuncs.com",
          access_key_id: "id",
          secret_access_key: "secret",
        },
      },
    ])
  })

  it("refuses an incomplete S3 configuration, and S3 settings without a bucket", () => {
    expect(() => parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", LIANXIN_S3_BUCKET: "b" })).toThrow(
      /LIANXIN_S3_REGION is required with LIANXIN_S3_BUCKET[\s\S]*LIANXIN_S3_SECRET_ACCESS_KEY is required/
    )
    expect(() => parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", LIANXIN_S3_REGION: "r" })).toThrow(
      /LIANXIN_S3_REGION is set but LIANXIN_S3_BUCKET is not/
    )
  })

  it("leaves the session cookie to Medusa unless told, and can relax Secure for local http", () => {
    const base = { DATABASE_URL: "postgres://localhost/x" }
    expect(buildMedusaConfig(parseBackendEnv(base)).projectConfig?.cookieOptions).toBeUndefined()
    expect(
      buildMedusaConfig(parseBackendEnv({ ...base, SESSION_COOKIE_SECURE: "false" })).projectConfig?.cookieOptions
    ).toEqual({ secure: false })
  })

  it("passes the worker mode through for server/worker deployments", () => {
    const config = buildMedusaConfig(
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEDUSA_WORKER_MODE: "worker" })
    )
    expect(config.projectConfig?.workerMode).toBe("worker")
  })

  it("pay at pickup only without Stripe keys: Medusa's own Payment Module, no online providers", () => {
    const env = parseBackendEnv({ DATABASE_URL: "postgres://localhost/x" })
    const config = buildMedusaConfig(env)
    expect(resolves(config.modules!)).not.toContain("@medusajs/medusa/payment")
    expect(onlinePaymentProviderIds(env)).toEqual([])
  })

  it("with both Stripe keys: our providers in camelCase options, the test host, a webhook delay that is not 0", () => {
    const env = parseBackendEnv({
      DATABASE_URL: "postgres://localhost/x",
      STRIPE_API_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_def",
      STRIPE_API_HOST: "http://127.0.0.1:12111",
      STRIPE_PAYMENT_METHODS: "alipay, wechat_pay",
      STRIPE_WEBHOOK_DELAY_MS: "1",
    })
    const payment = buildMedusaConfig(env).modules!.find((m: any) => m.resolve === "@medusajs/medusa/payment") as any
    expect(payment.options).toEqual({
      webhook_delay: 1,
      webhook_retries: 3,
      providers: [
        {
          resolve: "@lianxin/plugin/providers/stripe",
          id: "stripe",
          options: { apiKey: "sk_test_abc", webhookSecret: "whsec_def", apiHost: "http://127.0.0.1:12111" },
        },
      ],
    })
    expect(onlinePaymentProviderIds(env)).toEqual(["pp_stripe-alipay_stripe", "pp_stripe-wechatpay_stripe"])
    // Medusa's default delay when not set.
    const defaults = parseBackendEnv({
      DATABASE_URL: "postgres://localhost/x",
      STRIPE_API_KEY: "sk_live_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_def",
    })
    expect(defaults.STRIPE_WEBHOOK_DELAY_MS).toBe(5000)
    expect(onlinePaymentProviderIds(defaults)).toEqual([
      "pp_stripe-wechatpay_stripe",
      "pp_stripe-alipay_stripe",
      "pp_stripe_stripe",
    ])
  })

  it("registers our Meilisearch provider as the Search Module's default only with MEILISEARCH_HOST", () => {
    const base = { DATABASE_URL: "postgres://localhost/x" }
    // Not a substring check on the whole config: its paths may contain "search" (a checkout named so).
    const withoutHost = buildMedusaConfig(parseBackendEnv(base)).modules as { resolve?: string }[]
    expect(withoutHost.map((m) => m.resolve).filter((r) => r?.includes("search"))).toEqual([])
    const config = buildMedusaConfig(
      parseBackendEnv({
        ...base,
        MEILISEARCH_HOST: "http://127.0.0.1:7700",
        MEILISEARCH_API_KEY: "0123456789abcdef0123",
        MEILISEARCH_INDEX_PREFIX: "it_1",
      })
    )
    const search = config.modules!.find((m) => "resolve" in m && m.resolve === "@medusajs/medusa/search")
    expect(search).toMatchObject({
      options: {
        default_provider: "meilisearch",
        index_prefix: "it_1",
        providers: [
          { id: "postgres" },
          {
            resolve: "@lianxin/plugin/providers/meilisearch",
            options: { host: "http://127.0.0.1:7700", apiKey: "0123456789abcdef0123" },
          },
        ],
      },
    })
  })

  it("refuses MEILISEARCH_HOST without a key and a malformed host", () => {
    expect(() =>
      parseBackendEnv({ DATABASE_URL: "postgres://localhost/x", MEILISEARCH_HOST: "http://127.0.0.1:7700" })
    ).toThrow(/MEILISEARCH_API_KEY is required with MEILISEARCH_HOST/)
    expect(() =>
      parseBackendEnv({
        DATABASE_URL: "postgres://localhost/x",
        MEILISEARCH_HOST: "127.0.0.1",
        MEILISEARCH_API_KEY: "0123456789abcdef",
      })
    ).toThrow(/MEILISEARCH_HOST must be a URL/)
  })
})
