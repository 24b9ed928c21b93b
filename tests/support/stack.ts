// Starts the whole product for the journeys, exactly as `npm start` does it
// (backend/scripts/start.mjs: migrations, seed, Medusa; storefront/scripts/start.mjs),
// but on a database of its own and on free ports, so runs never collide with a
// developer's `npm start` or another CI run on the same PostgreSQL server.
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import {
  createTestDatabase,
  dropDatabase,
  dropStaleTestDatabases,
  freePort,
  testPostgresServer,
  testRunPrefix,
} from "../../backend/scripts/postgres.mjs"
import { startStripeTestServer } from "../../plugins/lianxin/testing/stripe-test-server.mjs"
import { startMailSink } from "./mail-sink"

/** The journeys' Stripe: our Stripe-compatible test server (docs/payments.md), keys for it only. */
export const STRIPE_TEST_KEYS = { apiKey: "sk_test_lianxin_e2e", webhookSecret: "whsec_lianxin_e2e" }

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export type Stack = {
  backendUrl: string
  storefrontUrl: string
  publishableKey: string
  /** The Stripe test server the backend pays through (its /_test/… routes play the resident's wallet). */
  stripeUrl: string
  /** The SMTP server the backend sends email to; GET <mailSinkUrl>/messages?to=… lists what arrived. */
  mailSinkUrl: string
  /** Where the backend's SMS outbox writes (`sms.jsonl`, docs/notifications.md): journeys read sign-in codes here. */
  outboxDir: string
  /** The app role's URL of the run's database (bench/run.ts starts vanilla Medusa on it). */
  databaseUrl: string
  stop: () => Promise<void>
}

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, [script], {
    cwd: repoDir,
    env,
    stdio: ["ignore", out, out],
    detached: true,
  })
  child.once("exit", (code, signal) => {
    if (code !== 0 && code !== null) {
      console.error(`[stack] ${name} exited with ${code ?? signal}; see ${logFile}`)
    }
  })
  return child
}

async function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  child.kill("SIGTERM")
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {}
  }, 20_000)
  await exited
  clearTimeout(timer)
}

async function waitFor(url: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${url}: the process exited early. Last log lines:\n${tail(logFile)}`)
    }
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s. Last log lines:\n${tail(logFile)}`)
}

/**
 * Medusa answers /health before the Search Module has filled a new index from
 * the database: wait until Meilisearch answers with products, so journeys test
 * the real engine. Where the binary cannot run (not Linux x64), search answers
 * from PostgreSQL and the journeys run against that.
 */
async function waitForSearch(backendUrl: string, publishableKey: string, logFile: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = "no answer"
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${backendUrl}/store/lianxin/search?q=`, {
        headers: { "x-publishable-api-key": publishableKey },
      })
      const body = (await res.json()) as { engine?: string; count?: number }
      if (res.ok && body.engine === "meilisearch" && (body.count ?? 0) > 0) return
      last = `HTTP ${res.status}, engine ${body.engine}, ${body.count} products`
      if (res.ok && body.engine === "postgres" && /continuing without Meilisearch/.test(tail(logFile, 400))) {
        console.warn("[stack] Meilisearch could not run here: journeys search PostgreSQL (degraded)")
        return
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(
    `search did not answer from Meilisearch within ${timeoutMs / 1000}s (${last}). Last log lines:\n${tail(logFile)}`
  )
}

function tail(file: string, lines = 40) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no log)"
}

export async function startStack({
  scenario = "e2e",
  logDir,
  startTimeoutMs = 240_000,
}: {
  scenario?: string
  logDir: string
  /** How long migrations, the seed and Medusa's start may take (the bench scenario seeds thousands of products). */
  startTimeoutMs?: number
}): Promise<Stack> {
  fs.mkdirSync(logDir, { recursive: true })
  const pg = await testPostgresServer()
  // As in production: migrations and seed as the owner, the backend as the app role.
  // lianxin_e2e_<unix time>_<random>: never another run's, and what a killed run left is dropped by age.
  await dropStaleTestDatabases(pg.serverUrl)
  const { migrationUrl, databaseUrl } = await createTestDatabase(pg.serverUrl, testRunPrefix("e2e"))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-e2e-"))
  const backendPort = await freePort()
  const storefrontPort = await freePort()
  // Its own Meilisearch (started by the backend's start script, data in dataDir) on a free port: on the default 7700
  // another run's engine (another key) would answer 403.
  const meiliPort = await freePort()
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const keyFile = path.join(dataDir, "publishable-key")
  // Online payment on, as with real keys: WeChat Pay and Alipay offered beside pay at pickup (card needs Stripe.js).
  const stripe = await startStripeTestServer({
    apiKey: STRIPE_TEST_KEYS.apiKey,
    webhooks: [{ url: `${backendUrl}/hooks/payment/stripe_stripe`, secret: STRIPE_TEST_KEYS.webhookSecret }],
  })

  // Email goes to a real SMTP server of the run; journeys run at any hour, so no quiet hours.
  const mail = await startMailSink()

  const common: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATION_URL: migrationUrl,
    LIANXIN_DATA_DIR: dataDir,
    LIANXIN_PUBLISHABLE_KEY_FILE: keyFile,
    MEDUSA_BACKEND_URL: backendUrl,
    LIANXIN_MEILI_PORT: String(meiliPort),
    // SMS (sign-in codes) go to the development outbox, as with `npm start`; named here so journeys can read it.
    LIANXIN_SMS_ADAPTER: "outbox",
    LIANXIN_OUTBOX_DIR: path.join(dataDir, "outbox"),
  }
  delete common.REDIS_URL
  // Never a developer's or another run's search engine: its index would hold other products.
  delete common.MEILISEARCH_HOST
  delete common.MEILISEARCH_API_KEY
  const backendLog = path.join(logDir, "backend.log")
  const storefrontLog = path.join(logDir, "storefront.log")
  const backend = startProcess(
    "backend",
    "backend/scripts/start.mjs",
    {
      ...common,
      PORT: String(backendPort),
      LIANXIN_SEED_SCENARIO: scenario,
      STORE_CORS: storefrontUrl,
      STRIPE_API_KEY: STRIPE_TEST_KEYS.apiKey,
      STRIPE_WEBHOOK_SECRET: STRIPE_TEST_KEYS.webhookSecret,
      STRIPE_API_HOST: stripe.url,
      STRIPE_WEBHOOK_DELAY_MS: "1",
      LIANXIN_SMTP_HOST: "127.0.0.1",
      LIANXIN_SMTP_PORT: String(mail.smtpPort),
      LIANXIN_QUIET_HOURS: "off",
      LIANXIN_STOREFRONT_URL: storefrontUrl,
    },
    backendLog
  )
  let storefront: ChildProcess | undefined
  const stop = async () => {
    await stopProcess(storefront)
    await stopProcess(backend)
    await stripe.close()
    await mail.close()
    await dropDatabase(migrationUrl).catch(() => {})
    await pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitFor(`${backendUrl}/health`, backend, backendLog, startTimeoutMs)
    await waitForSearch(backendUrl, fs.readFileSync(keyFile, "utf8").trim(), backendLog)
    storefront = startProcess(
      "storefront",
      "storefront/scripts/start.mjs",
      // A publishable key, so checkout offers card; Stripe.js cannot load here, so the card option must stay hidden.
      { ...common, PORT: String(storefrontPort), STRIPE_PUBLISHABLE_KEY: "pk_test_lianxin_e2e" },
      storefrontLog
    )
    await waitFor(`${storefrontUrl}/`, storefront, storefrontLog, 120_000)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    backendUrl,
    storefrontUrl,
    publishableKey: fs.readFileSync(keyFile, "utf8").trim(),
    stripeUrl: stripe.url,
    mailSinkUrl: mail.url,
    outboxDir: path.join(dataDir, "outbox"),
    databaseUrl,
    stop,
  }
}
