import { z } from "zod"

/**
 * Every environment variable the backend reads, in one schema. A missing or
 * malformed value stops start-up with a message that names it.
 */
const booleanish = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")

const origins = z
  .string()
  .min(1)
  .refine(
    (v) => v.split(",").every((o) => /^https?:\/\/[^\s,]+$/.test(o.trim())),
    "must be a comma-separated list of http(s) origins"
  )

export const backendEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by `medusa build` runs only: no database is needed to compile. */
    LIANXIN_CONFIG_PHASE: z.enum(["build", "run"]).default("run"),
    DATABASE_URL: z
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
     * Whether the admin session cookie is Secure (HTTPS only). Medusa makes it
     * Secure in production; `npm start` serves plain http on localhost and sets
     * false so the Medusa Admin login works there. Never false behind a public URL.
     */
    SESSION_COOKIE_SECURE: booleanish.optional(),
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
    /** 32-byte key for the HMACs under which pickup codes and QR tokens are stored and signed. Required in production. */
    LIANXIN_PICKUP_KEY: z
      .string()
      .refine(
        (v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32,
        "must be 32 bytes as base64 or 64 hex digits (openssl rand -base64 32)"
      )
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.LIANXIN_CONFIG_PHASE === "run" && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "is required (npm start sets it for the embedded PostgreSQL; see README)",
      })
    }
    if (env.MEILISEARCH_HOST && !env.MEILISEARCH_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MEILISEARCH_API_KEY"],
        message: "is required with MEILISEARCH_HOST (Meilisearch always runs with a master key here)",
      })
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
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== "")
  )
  const result = backendEnvSchema.safeParse(cleaned)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => `${i.path.join(".") || "(env)"} ${i.message}`)
    )
  }
  return result.data
}
