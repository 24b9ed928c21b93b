import path from "node:path"
import type { InputConfigModules, InputConfigWithArrayModules } from "@medusajs/framework/types"
import type { BackendEnv } from "./env"

const DEV_SECRET = "lianxin-dev-secret-not-for-production"

/**
 * Every event on the Redis event bus: a subscriber that throws (a database fault, a provider down) is run again, up to
 * 5 attempts in about 30 s (2, 4, 8, 16 s apart); the subscribers that succeeded are not run again (Medusa keeps their
 * ids on the job). Medusa's default is one attempt, so a failed subscriber was never retried. Ours are idempotent
 * (ledger keys, notification idempotency keys, the search outbox). A job that fails every attempt stays in Redis
 * for a week for operators; the ledger's hourly catch-up covers a lost accrual (docs/ledger.md).
 */
export const EVENT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
}

/**
 * Redis-backed infrastructure modules, or nothing (Medusa's in-memory
 * defaults) when REDIS_URL is unset. Kept apart so a test can assert both.
 */
export function infrastructureModules(redisUrl: string | undefined): InputConfigModules {
  if (!redisUrl) {
    return []
  }
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl, jobOptions: EVENT_JOB_OPTIONS } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/caching-redis",
            id: "caching-redis",
            is_default: true,
            options: { redisUrl },
          },
        ],
      },
    },
  ]
}

/** Medusa provider ids of our Stripe providers (module provider id "stripe"), by payment method. */
export const STRIPE_PROVIDER_IDS = {
  wechat_pay: "pp_stripe-wechatpay_stripe",
  alipay: "pp_stripe-alipay_stripe",
  card: "pp_stripe_stripe",
} as const

/** The provider ids residents are offered when Stripe is configured, in the configured order. */
export function onlinePaymentProviderIds(env: BackendEnv): string[] {
  return env.STRIPE_API_KEY ? env.STRIPE_PAYMENT_METHODS.map((m) => STRIPE_PROVIDER_IDS[m]) : []
}

/**
 * The Payment Module with our Stripe providers, or nothing (Medusa's default
 * module: pay at pickup only) without keys. Options are camelCase: the
 * provider silently ignores the snake_case spelling of Medusa's docs.
 */
export function paymentModules(env: BackendEnv): InputConfigModules {
  if (!env.STRIPE_API_KEY || !env.STRIPE_WEBHOOK_SECRET) return []
  return [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // `webhook_delay: 0` would become 5000 (Medusa reads it with ||).
        webhook_delay: env.STRIPE_WEBHOOK_DELAY_MS,
        webhook_retries: 3,
        providers: [
          {
            resolve: "@lianxin/plugin/providers/stripe",
            id: "stripe",
            options: {
              apiKey: env.STRIPE_API_KEY,
              webhookSecret: env.STRIPE_WEBHOOK_SECRET,
              ...(env.STRIPE_API_HOST ? { apiHost: env.STRIPE_API_HOST } : {}),
            },
          },
        ],
      },
    },
  ]
}

/**
 * The Search Module with our Meilisearch provider (plugin `providers/meilisearch`)
 * as its default, next to Medusa's PostgreSQL provider (kept registered so a
 * provider switch can drop the old engine's indexes). Without MEILISEARCH_HOST
 * Medusa's default module stays and the plugin declares no product index.
 */
export function searchModule(
  env: Pick<BackendEnv, "MEILISEARCH_HOST" | "MEILISEARCH_API_KEY" | "MEILISEARCH_INDEX_PREFIX">
): InputConfigModules {
  if (!env.MEILISEARCH_HOST) {
    return []
  }
  return [
    {
      resolve: "@medusajs/medusa/search",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { engine: "native" } },
          {
            resolve: "@lianxin/plugin/providers/meilisearch",
            id: "meilisearch",
            options: { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY },
          },
        ],
        default_provider: "meilisearch",
        ...(env.MEILISEARCH_INDEX_PREFIX ? { index_prefix: env.MEILISEARCH_INDEX_PREFIX } : {}),
        // Documents per write of a seed or rebuild; each write waits until Meilisearch has applied it, and a
        // write costs about the same whatever its size once the index is large: 50,000 products rebuilt in
        // 350 s with 500, 206 s with 2,500, 128 s with 5,000 (bench/search.mjs, bench/README.md).
        reindex: { batch_size: 5000 },
      },
    },
  ]
}

/**
 * Medusa's Notification Module with one provider per channel (docs/notifications.md):
 * in-app, email (SMTP, or the outbox without a host), SMS (outbox or Aliyun).
 */
export function notificationModule(env: BackendEnv) {
  const outboxDir = env.LIANXIN_OUTBOX_DIR ?? path.resolve(process.cwd(), ".outbox")
  return {
    resolve: "@medusajs/medusa/notification",
    options: {
      providers: [
        {
          resolve: "@lianxin/plugin/providers/notify-in-app",
          id: "in-app",
          options: { channels: ["in_app"] },
        },
        {
          resolve: "@lianxin/plugin/providers/notify-email",
          id: "email",
          options: {
            channels: ["email"],
            from: env.LIANXIN_EMAIL_FROM,
            ...(env.LIANXIN_SMTP_HOST
              ? {
                  host: env.LIANXIN_SMTP_HOST,
                  port: env.LIANXIN_SMTP_PORT,
                  secure: env.LIANXIN_SMTP_SECURE,
                  require_tls: env.LIANXIN_SMTP_REQUIRE_TLS,
                  user: env.LIANXIN_SMTP_USER,
                  password: env.LIANXIN_SMTP_PASSWORD,
                }
              : { outbox_dir: outboxDir }),
          },
        },
        {
          resolve: "@lianxin/plugin/providers/notify-sms",
          id: "sms",
          options: {
            channels: ["sms"],
            adapter: env.LIANXIN_SMS_ADAPTER,
            outbox_dir: outboxDir,
            ...(env.LIANXIN_SMS_ADAPTER === "aliyun"
              ? {
                  aliyun: {
                    access_key_id: env.ALIYUN_SMS_ACCESS_KEY_ID,
                    access_key_secret: env.ALIYUN_SMS_ACCESS_KEY_SECRET,
                    sign_name: env.ALIYUN_SMS_SIGN_NAME,
                    templates: env.ALIYUN_SMS_TEMPLATES,
                    endpoint: env.ALIYUN_SMS_ENDPOINT,
                  },
                }
              : {}),
          },
        },
      ],
    },
  }
}

/**
 * Medusa's File Module with one provider: an S3-compatible bucket when
 * LIANXIN_S3_BUCKET is set (backends on several hosts), else local files served
 * by Medusa at /static, whose URL must name this backend's public address.
 */
export function fileModule(env: BackendEnv) {
  if (env.LIANXIN_S3_BUCKET) {
    return {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              bucket: env.LIANXIN_S3_BUCKET,
              region: env.LIANXIN_S3_REGION,
              file_url: env.LIANXIN_S3_FILE_URL,
              access_key_id: env.LIANXIN_S3_ACCESS_KEY_ID,
              secret_access_key: env.LIANXIN_S3_SECRET_ACCESS_KEY,
              ...(env.LIANXIN_S3_ENDPOINT ? { endpoint: env.LIANXIN_S3_ENDPOINT } : {}),
              ...(env.LIANXIN_S3_PREFIX ? { prefix: env.LIANXIN_S3_PREFIX } : {}),
            },
          },
        ],
      },
    }
  }
  return {
    resolve: "@medusajs/medusa/file",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/file-local",
          id: "local",
          options: {
            backend_url: `${env.MEDUSA_BACKEND_URL.replace(/\/$/, "")}/static`,
            // Unset: <cwd>/static, which Medusa serves (npm start links it to .data/uploads).
            ...(env.LIANXIN_UPLOAD_DIR ? { upload_dir: env.LIANXIN_UPLOAD_DIR } : {}),
          },
        },
      ],
    },
  }
}

export function buildMedusaConfig(env: BackendEnv): InputConfigWithArrayModules {
  return {
    projectConfig: {
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      workerMode: env.MEDUSA_WORKER_MODE,
      // express-session understands "auto" (Secure when the request is); Medusa's type says boolean.
      ...(env.SESSION_COOKIE_SECURE === undefined
        ? {}
        : { cookieOptions: { secure: env.SESSION_COOKIE_SECURE as boolean } }),
      http: {
        storeCors: env.STORE_CORS,
        adminCors: env.ADMIN_CORS,
        authCors: env.AUTH_CORS,
        jwtSecret: env.JWT_SECRET ?? DEV_SECRET,
        cookieSecret: env.COOKIE_SECRET ?? DEV_SECRET,
      },
    },
    admin: {
      disable: env.MEDUSA_ADMIN_DISABLED,
      // "" = same origin as the page (Medusa's default would bake in http://localhost:9000).
      backendUrl: env.MEDUSA_ADMIN_BACKEND_URL ?? "",
      path: "/app",
    },
    featureFlags: env.REDIS_URL ? { caching: true } : {},
    plugins: [
      {
        resolve: "@lianxin/plugin",
        options: {
          registryKey: env.LIANXIN_REGISTRY_KEY,
          registryKeyVersion: env.LIANXIN_REGISTRY_KEY_ID,
          previousRegistryKeys: env.LIANXIN_REGISTRY_KEY_PREVIOUS,
          pickupKey: env.LIANXIN_PICKUP_KEY,
          pickupKeyId: env.LIANXIN_PICKUP_KEY_ID,
          previousPickupKeys: env.LIANXIN_PICKUP_KEY_PREVIOUS,
          // One-time codes are kept as HMACs under a key derived from it (modules/one-time-code).
          jwtSecret: env.JWT_SECRET ?? DEV_SECRET,
          production: env.NODE_ENV === "production",
          // Rate-limit counters (throttle module): Redis when configured, else PostgreSQL.
          redisUrl: env.REDIS_URL,
          quietHours: env.LIANXIN_QUIET_HOURS,
          storefrontUrl: env.LIANXIN_STOREFRONT_URL,
        },
      },
    ],
    modules: [
      fileModule(env),
      notificationModule(env),
      ...paymentModules(env),
      ...infrastructureModules(env.REDIS_URL),
      ...searchModule(env),
    ],
  }
}

/**
 * `npm run bench` (issue 16) only: Medusa with nothing of ours — no plugin, no search, notification or payment
 * modules, admin off — started with LIANXIN_BENCH_VANILLA=1 on the same database as the shop, so the figures compare
 * Medusa's own query path against ours on the same data. Never a way to run the shop.
 */
export function vanillaMedusaConfig(env: NodeJS.ProcessEnv): InputConfigWithArrayModules {
  return {
    projectConfig: {
      databaseUrl: env.DATABASE_URL,
      http: {
        storeCors: env.STORE_CORS ?? "",
        adminCors: "",
        authCors: "",
        jwtSecret: env.JWT_SECRET ?? DEV_SECRET,
        cookieSecret: env.COOKIE_SECRET ?? DEV_SECRET,
      },
    },
    admin: { disable: true },
    plugins: [],
    modules: [],
  }
}
