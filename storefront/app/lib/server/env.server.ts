import fs from "node:fs"
import path from "node:path"
import { z } from "zod"

/**
 * Every environment variable the storefront server reads, in one schema,
 * parsed once when the server starts (see entry.server.tsx). Nothing here
 * reaches the browser: the root loader passes on an explicit allow-list only.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MEDUSA_BACKEND_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:9000" })
    .default("http://localhost:9000")
    .transform((url) => url.replace(/\/+$/, "")),
  MEDUSA_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_\w+$/, "must be a Medusa publishable key (pk_…)")
    .optional(),
  /** Where the backend's seed writes the key; read when MEDUSA_PUBLISHABLE_KEY is unset. */
  LIANXIN_PUBLISHABLE_KEY_FILE: z.string().optional(),
  /** The backend's data directory; its publishable-key file is the default above. */
  LIANXIN_DATA_DIR: z.string().optional(),
  /** Signs the session cookie (cart, sign-in). When unset, a random one is kept in $LIANXIN_DATA_DIR. */
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Stripe's publishable key (pk_…) for the card form (Payment Element); unset: no card option. Wallets need none. */
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, "must be a Stripe publishable key (pk_test_… or pk_live_…)")
    .optional(),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
})

export type StorefrontEnv = {
  nodeEnv: "development" | "production" | "test"
  backendUrl: string
  /** Either a fixed key from the environment or the file the backend writes it to. */
  publishableKey: { kind: "value"; value: string } | { kind: "file"; path: string }
  port: number
  /** Stripe publishable key for the card form, or null (card not offered). */
  stripePublishableKey: string | null
  /** A fixed secret from the environment, or a file holding one (created on first use). */
  sessionSecret: { kind: "value"; value: string } | { kind: "file"; path: string }
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid storefront environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        `See the configuration table in README.md.`
    )
    this.name = "EnvError"
  }
}

/**
 * The repository root: the nearest directory above `from` whose package.json
 * declares workspaces. Relative paths resolve against it, as the backend's do,
 * so `npm start` at the root and `npm start -w` agree on where .data/ is.
 */
export function findRepoRoot(from: string): string {
  let dir = path.resolve(from)
  for (;;) {
    const manifest = path.join(dir, "package.json")
    if (fs.existsSync(manifest)) {
      try {
        if ("workspaces" in JSON.parse(fs.readFileSync(manifest, "utf8"))) return dir
      } catch {
        // An unreadable package.json is not the root; keep climbing.
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return path.resolve(from)
    dir = parent
  }
}

export function parseEnv(
  raw: Record<string, string | undefined>,
  { repoRoot = findRepoRoot(process.cwd()) }: { repoRoot?: string } = {}
): StorefrontEnv {
  // Empty strings count as unset: shells and .env files produce them easily.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ""))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(environment)"
        const given = typeof issue.path[0] === "string" ? cleaned[issue.path[0]] : undefined
        return `${name} ${issue.message}${given === undefined ? "" : ` (got "${given}")`}`
      })
    )
  }
  const env = result.data
  const dataDir = path.resolve(repoRoot, env.LIANXIN_DATA_DIR ?? ".data")
  return {
    nodeEnv: env.NODE_ENV,
    backendUrl: env.MEDUSA_BACKEND_URL,
    publishableKey: env.MEDUSA_PUBLISHABLE_KEY
      ? { kind: "value", value: env.MEDUSA_PUBLISHABLE_KEY }
      : {
          kind: "file",
          path: path.resolve(repoRoot, env.LIANXIN_PUBLISHABLE_KEY_FILE ?? path.join(dataDir, "publishable-key")),
        },
    port: env.PORT,
    stripePublishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null,
    sessionSecret: env.SESSION_SECRET
      ? { kind: "value", value: env.SESSION_SECRET }
      : { kind: "file", path: path.join(dataDir, "storefront-session-secret") },
  }
}

let parsed: StorefrontEnv | undefined

/** The process environment, parsed on first use and remembered. */
export function getEnv(): StorefrontEnv {
  parsed ??= parseEnv(process.env)
  return parsed
}
