import { parseKeyList } from "@lianxin/plugin/utils/crypto-keyring"
import { compileTrust } from "@lianxin/plugin/utils/proxy-trust"
import { z } from "zod"

/**
 * Every environment variable the backend reads, in one schema. A missing or
 * malformed value stops start-up with a message that names it.
 */
const booleanish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")

const origins = z
  .string()
  .min(1)
  .refine(
    (v) => v.split(",").every((o) => /^https?:\/\/[^\s,]+$/.test(o.trim())),
    "must be a comma-separated list of http(s) origins"
  )

const is32ByteKey = (v: string) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32

/** A key id: what a ciphertext names to say which key wrote it. */
const keyId = z
  .string()
  .regex(/^[a-z0-9]{1,16}$/, "must be 1-16 lowercase letters or digits, e.g. v2")
  .default("v1")

/** `<key id>:<key>` pairs, comma-separated; parsed into { id: key }. Messages never quote a key. */
const keyList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    try {
      const keys = parseKeyList(v, "list")
      for (const [id, key] of Object.entries(keys)) {
        if (!is32ByteKey(key)) {
          ctx.addIssue({ code: "custom", message: `key "${id}" must be 32 bytes as base64 or 64 hex digits` })
          return z.NEVER
        }
      }
      return keys
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message.replace(/^list: /, "") })
      return z.NEVER
    }
  })

export const backendEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by `medusa build` runs only: no database is needed to compile. */
    LIANXIN_CONFIG_PHASE: z.enum(["build", "run"]).default("run"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// connection URL")
      .optional(),
    /**
     * The schema owner's URL: `npm start` runs migrations and the seed with it,
     * then starts Medusa with DATABASE_URL (a role that only reads and writes
     * rows) and without this variable. Unset: DATABASE_URL does both.
     */
    DATABASE_MIGRATION_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// connection URL")
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL")
      .optional(),
    JWT_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    COOKIE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    STORE_CORS: origins.default("http://localhost:3000,http://127.0.0.1:3000"),
    ADMIN_CORS: origins.default("http://localhost:9000,http://127.0.0.1:9000"),
    AUTH_CORS: origins.default(
      "http://localhost:3000,http://127.0.0.1:3000,http://localhost:9000,http://127.0.0.1:9000"
    ),
    MEDUSA_BACKEND_URL: z.string().url("must be a URL").default("http://localhost:9000"),
    /**
     * Where the Medusa Admin dashboard sends its API calls. Unset: the origin it
     * is served from (the backend itself at /app), so one build works on any
     * host and port. Set it only when the dashboard is hosted elsewhere; it is
     * baked into the dashboard at build time.
     */
    MEDUSA_ADMIN_BACKEND_URL: z.string().url("must be a URL").optional(),
    /** Where uploaded files are written (tests use a temporary folder); unset: <cwd>/static. */
    LIANXIN_UPLOAD_DIR: z.string().min(1).optional(),
    /**
     * Uploads in an S3-compatible bucket (阿里云 OSS, MinIO, AWS) instead of the local directory, for backends on
     * several hosts (docs/deploy.md#uploads). Set: Medusa's file-s3 provider replaces file-local.
     */
    LIANXIN_S3_BUCKET: z.string().min(1).optional(),
    LIANXIN_S3_REGION: z.string().min(1).optional(),
    /** The S3 API endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com; unset: AWS's for the region. */
    LIANXIN_S3_ENDPOINT: z.string().url("must be a URL such as https://oss-cn-hangzhou.aliyuncs.com").optional(),
    /** Public base URL of the bucket: file URLs are <this>/<key>. */
    LIANXIN_S3_FILE_URL: z.string().url("must be the bucket's public URL").optional(),
    LIANXIN_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    LIANXIN_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Key prefix inside the bucket (e.g. uploads/). */
    LIANXIN_S3_PREFIX: z.string().optional(),
    /**
     * Meilisearch serving product search (`npm start` starts the packaged one and
     * sets this). Unset: no search index; search answers from PostgreSQL.
     */
    MEILISEARCH_HOST: z.string().url("must be a URL such as http://127.0.0.1:7700").optional(),
    /** Master or admin API key of MEILISEARCH_HOST (16+ characters). */
    MEILISEARCH_API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    /** Prefix of the physical index names (tests give each file its own). */
    MEILISEARCH_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9_]*$/, "must be lower-case letters, digits and _")
      .optional(),
    MEDUSA_WORKER_MODE: z.enum(["shared", "worker", "server"]).default("shared"),
    MEDUSA_ADMIN_DISABLED: booleanish.default(false),
    /**
     * Whether the admin session cookie is Secure (HTTPS only). `auto` (what
     * `npm start` sets): Secure exactly when the request came over TLS, also
     * through a proxy that says so with X-Forwarded-Proto. Unset: Medusa's
     * default (always Secure in production). Never false behind a public URL.
     */
    SESSION_COOKIE_SECURE: z
      .enum(["true", "false", "1", "0", "auto"])
      .transform((v) => (v === "auto" ? ("auto" as const) : v === "true" || v === "1"))
      .optional(),
    /**
     * Which proxies may tell the client's address (X-Forwarded-For, for rate
     * limits per address) and scheme (X-Forwarded-Proto, for HSTS): false,
     * true, a hop count, or loopback/linklocal/uniquelocal/addresses/CIDRs.
     */
    TRUST_PROXY: z
      .string()
      .default("loopback")
      .superRefine((v, ctx) => {
        try {
          compileTrust(v)
        } catch (e) {
          ctx.addIssue({ code: "custom", message: (e as Error).message.replace(/^TRUST_PROXY /, "") })
        }
      }),
    /**
     * 32-byte key (base64 or 64 hex digits) that encrypts household registry
     * data (national ID, phone, bank account) at rest. Required in production.
     */
    LIANXIN_REGISTRY_KEY: z
      .string()
      .refine(
        (v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32,
        "must be 32 bytes as base64 or 64 hex digits (openssl rand -base64 32)"
      )
      .optional(),
    /** Id of LIANXIN_REGISTRY_KEY, written in front of every ciphertext; give a new key a new id (decision 016). */
    LIANXIN_REGISTRY_KEY_ID: keyId,
    /** Retired registry keys kept for reading until the re-encryption job is done: `<id>:<key>,…`. */
    LIANXIN_REGISTRY_KEY_PREVIOUS: keyList,
    /** Id of LIANXIN_PICKUP_KEY, written into sealed pickup codes (decision 016). */
    LIANXIN_PICKUP_KEY_ID: keyId,
    /** Retired pickup keys, still verifying codes and QR tokens until the re-encryption job is done: `<id>:<key>,…`. */
    LIANXIN_PICKUP_KEY_PREVIOUS: keyList,
    /** 32-byte key for the HMACs under which pickup codes and QR tokens are stored and signed. Required in production. */
    LIANXIN_PICKUP_KEY: z
      .string()
      .refine(
        (v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32,
        "must be 32 bytes as base64 or 64 hex digits (openssl rand -base64 32)"
      )
      .optional(),
    /** Where the development outboxes (sms.jsonl, email.jsonl without SMTP) are written; unset: <cwd>/.outbox. */
    LIANXIN_OUTBOX_DIR: z.string().min(1).optional(),
    /** SMTP server for email; unset: email goes to the outbox (development). */
    LIANXIN_SMTP_HOST: z.string().min(1).optional(),
    LIANXIN_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
    LIANXIN_SMTP_SECURE: booleanish.default(false),
    /** Refuse to send without STARTTLS (port 587 servers). */
    LIANXIN_SMTP_REQUIRE_TLS: booleanish.default(false),
    LIANXIN_SMTP_USER: z.string().min(1).optional(),
    LIANXIN_SMTP_PASSWORD: z.string().min(1).optional(),
    LIANXIN_EMAIL_FROM: z.string().min(3).default("连心市集 <no-reply@lianxin.local>"),
    /** `outbox` (development, tests) or `aliyun` (Alibaba Cloud SMS, ALIYUN_SMS_*). */
    LIANXIN_SMS_ADAPTER: z.enum(["outbox", "aliyun"]).default("outbox"),
    ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
    ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
    /** 短信签名 as approved by Aliyun (e.g. 连心市集). */
    ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
    /** JSON object: our template name → approved template code, e.g. {"otp_sign_in":"SMS_1234"}. */
    ALIYUN_SMS_TEMPLATES: z
      .string()
      .default("{}")
      .transform((v, ctx) => {
        try {
          const parsed = JSON.parse(v) as unknown
          if (
            parsed &&
            typeof parsed === "object" &&
            !Array.isArray(parsed) &&
            Object.values(parsed).every((c) => typeof c === "string")
          ) {
            return parsed as Record<string, string>
          }
        } catch {}
        ctx.addIssue({
          code: "custom",
          message: 'must be a JSON object of template codes, e.g. {"otp_sign_in":"SMS_1234"}',
        })
        return z.NEVER
      }),
    ALIYUN_SMS_ENDPOINT: z.string().url("must be a URL").default("https://dysmsapi.aliyuncs.com"),
    /** Quiet hours for non-urgent email and SMS, Asia/Shanghai, `HH:MM-HH:MM` or `off`. */
    LIANXIN_QUIET_HOURS: z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, "must look like 21:30-08:00 or be off")
      .default("21:30-08:00"),
    /** Public URL of the storefront, for links in emails. */
    LIANXIN_STOREFRONT_URL: z.string().url("must be a URL").default("http://localhost:3000"),
    /**
     * Online payments (docs/payments.md). Both unset: pay at pickup only.
     * Both set: residents may also pay with WeChat Pay, Alipay and card.
     */
    STRIPE_API_KEY: z
      .string()
      .regex(
        /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/,
        "must be a Stripe secret key (sk_test_…, sk_live_…, or a restricted rk_…)"
      )
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9_]+$/, "must be a webhook signing secret (whsec_…)")
      .optional(),
    /** Where the Stripe API is (our test server in tests and offline runs); unset: api.stripe.com. */
    STRIPE_API_HOST: z.string().url("must be a URL such as http://127.0.0.1:12111").optional(),
    /** Which online methods residents are offered, comma-separated, in this order. */
    STRIPE_PAYMENT_METHODS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((m) => m.trim())
          .filter(Boolean)
      )
      .pipe(
        z.array(z.enum(["wechat_pay", "alipay", "card"])).min(1, "must name at least one of wechat_pay, alipay, card")
      )
      .default(["wechat_pay", "alipay", "card"]),
    /** How long Medusa waits before processing a payment webhook (Medusa's default 5000; 0 would also mean 5000). */
    STRIPE_WEBHOOK_DELAY_MS: z.coerce.number().int().min(1).max(60_000).default(5000),
  })
  .superRefine((env, ctx) => {
    if (!!env.STRIPE_API_KEY !== !!env.STRIPE_WEBHOOK_SECRET) {
      const missing = env.STRIPE_API_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_API_KEY"
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message:
          "is required together with the other Stripe key (set both for online payments, neither for pay at pickup only)",
      })
    }
    // `medusa start` runs in production mode, also for local runs against the test server on loopback.
    if (
      env.NODE_ENV === "production" &&
      env.STRIPE_API_HOST &&
      !/^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$))/.test(env.STRIPE_API_HOST)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_API_HOST"],
        message:
          "must be https (or http on 127.0.0.1/localhost for the test server) in production; unset it to reach Stripe itself",
      })
    }
    if (env.LIANXIN_CONFIG_PHASE === "run" && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "is required (npm start sets it for the embedded PostgreSQL; see README)",
      })
    }
    const s3 = [
      "LIANXIN_S3_REGION",
      "LIANXIN_S3_FILE_URL",
      "LIANXIN_S3_ACCESS_KEY_ID",
      "LIANXIN_S3_SECRET_ACCESS_KEY",
    ] as const
    if (env.LIANXIN_S3_BUCKET) {
      for (const key of s3) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required with LIANXIN_S3_BUCKET" })
      }
    } else {
      for (const key of [...s3, "LIANXIN_S3_ENDPOINT", "LIANXIN_S3_PREFIX"] as const) {
        if (env[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is set but LIANXIN_S3_BUCKET is not (uploads stay local)",
          })
      }
    }
    if (env.MEILISEARCH_HOST && !env.MEILISEARCH_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MEILISEARCH_API_KEY"],
        message: "is required with MEILISEARCH_HOST (Meilisearch always runs with a master key here)",
      })
    }
    if (env.LIANXIN_SMS_ADAPTER === "aliyun") {
      for (const key of ["ALIYUN_SMS_ACCESS_KEY_ID", "ALIYUN_SMS_ACCESS_KEY_SECRET", "ALIYUN_SMS_SIGN_NAME"] as const) {
        if (!env[key]) {
          ctx.addIssue({ code: "custom", path: [key], message: "is required when LIANXIN_SMS_ADAPTER=aliyun" })
        }
      }
    }
    for (const [name, current] of [
      ["LIANXIN_REGISTRY_KEY_PREVIOUS", env.LIANXIN_REGISTRY_KEY_ID],
      ["LIANXIN_PICKUP_KEY_PREVIOUS", env.LIANXIN_PICKUP_KEY_ID],
    ] as const) {
      if (current in env[name]) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `names the current key's id "${current}"; give the new key a new id (…_KEY_ID)`,
        })
      }
    }
    if (env.NODE_ENV === "production" && env.LIANXIN_CONFIG_PHASE === "run") {
      for (const key of ["JWT_SECRET", "COOKIE_SECRET", "LIANXIN_REGISTRY_KEY", "LIANXIN_PICKUP_KEY"] as const) {
        if (!env[key]) {
          ctx.addIssue({ code: "custom", path: [key], message: "is required in production" })
        }
      }
    }
  })

export type BackendEnv = z.infer<typeof backendEnvSchema>

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid backend environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        `See the configuration table in README.md.`
    )
    this.name = "EnvError"
  }
}

export function parseBackendEnv(raw: Record<string, string | undefined>): BackendEnv {
  // Empty strings count as unset: shells and .env files produce them easily.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""))
  const result = backendEnvSchema.safeParse(cleaned)
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"} ${i.message}`))
  }
  return result.data
}
