#!/usr/bin/env node
// `npm start` for the backend: PostgreSQL (DATABASE_URL or embedded), migrations,
// Meilisearch (MEILISEARCH_HOST or the packaged binary), demo data on an empty
// database, the publishable key handed to the storefront, then Medusa. Ctrl-C
// stops Medusa first, then Meilisearch, then PostgreSQL, and leaves nothing behind.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import {
  APP_ROLE,
  DEFAULT_EMBEDDED_PORT,
  OWNER_ROLE,
  adoptOwnership,
  appRoleProblems,
  createDatabaseIfMissing,
  ensureLoginRole,
  grantAppRole,
  startEmbeddedPostgres,
  userOf,
  withCredentials,
  withDatabase,
} from "./postgres.mjs"
import { DEFAULT_MEILISEARCH_PORT, MeilisearchUnavailable, startMeilisearch } from "./meilisearch.mjs"

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const repoDir = path.resolve(backendDir, "..")
const develop = process.argv.includes("--develop")
// --serve-only: migrations and seed were run by someone else (the scale-out topology runs them once,
// then starts each server and the worker with this flag: scripts/cluster/cluster.mjs).
const serveOnly = process.argv.includes("--serve-only")
const dataDir = path.resolve(repoDir, process.env.LIANXIN_DATA_DIR ?? ".data")
const serverDir = path.join(backendDir, ".medusa", "server")
const medusaBin = path.join(repoDir, "node_modules", ".bin", "medusa")

const log = (message) => console.log(`[lianxin] ${message}`)
const fail = (message) => {
  console.error(`[lianxin] ${message}`)
  process.exit(1)
}

/** Secrets for local runs: random once, then kept under .data/ so sessions survive restarts. */
function localSecrets() {
  const file = path.join(dataDir, "secrets.json")
  const saved = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
  const secrets = {
    ...saved,
    JWT_SECRET: saved.JWT_SECRET ?? crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: saved.COOKIE_SECRET ?? crypto.randomBytes(32).toString("hex"),
    // Losing this key makes the stored registry data unreadable: it stays with the database in .data/.
    LIANXIN_REGISTRY_KEY: saved.LIANXIN_REGISTRY_KEY ?? crypto.randomBytes(32).toString("base64"),
    LIANXIN_PICKUP_KEY: saved.LIANXIN_PICKUP_KEY ?? crypto.randomBytes(32).toString("base64"),
    // Master key of the local Meilisearch: its data under .data/meilisearch is only readable with it.
    LIANXIN_MEILI_MASTER_KEY: saved.LIANXIN_MEILI_MASTER_KEY ?? crypto.randomBytes(24).toString("hex"),
    // Passwords of the embedded PostgreSQL's two roles (owner: migrations and seed; app: the running backend).
    LIANXIN_DB_OWNER_PASSWORD: saved.LIANXIN_DB_OWNER_PASSWORD ?? crypto.randomBytes(18).toString("base64url"),
    LIANXIN_DB_APP_PASSWORD: saved.LIANXIN_DB_APP_PASSWORD ?? crypto.randomBytes(18).toString("base64url"),
  }
  if (JSON.stringify(saved) !== JSON.stringify(secrets)) {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets
}

let stopPostgres = async () => {}
let stopMeilisearch = async () => {}
let child = null
let shuttingDown = false

async function shutdown(code) {
  if (shuttingDown) return
  shuttingDown = true
  if (child && child.exitCode === null) {
    log("stopping Medusa…")
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }, 10_000)
    await exited
    clearTimeout(timer)
  }
  await stopMeilisearch()
  await stopPostgres()
  process.exit(code)
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    log(`${signal} received`)
    void shutdown(0)
  })
}

/** Runs a command to completion in its own process group; rejects on a non-zero exit. */
function run(args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    child = spawn(medusaBin, args, { cwd, env, stdio: "inherit", detached: true })
    child.once("exit", (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args[0]} exited with ${code ?? signal}`))
    })
  })
}

async function main() {
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
  // A Medusa server (MEDUSA_WORKER_MODE=server) keeps its JavaScript heap under LIANXIN_SERVER_HEAP_MB (384 unless
  // NODE_OPTIONS already sets a limit). Node's default lets an idle-looking heap grow past 1 GB under load before it
  // collects; with the limit the server stays ≈ 550 MB RSS for an hour of mixed load (bench/README.md, "Memory").
  // The worker and `npm start`'s all-in-one process keep Node's default: they build search documents in bulk.
  if (env.MEDUSA_WORKER_MODE === "server" && !/--max-old-space-size/.test(env.NODE_OPTIONS ?? "")) {
    const heapMb = Number(env.LIANXIN_SERVER_HEAP_MB ?? 384)
    if (!Number.isInteger(heapMb) || heapMb < 128)
      fail(`LIANXIN_SERVER_HEAP_MB must be a whole number ≥ 128, got ${env.LIANXIN_SERVER_HEAP_MB}`)
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim()
  }

  if (!env.DATABASE_URL) {
    const port = Number(env.LIANXIN_PG_PORT ?? DEFAULT_EMBEDDED_PORT)
    log(
      `DATABASE_URL is not set: starting embedded PostgreSQL on port ${port} (data in ${path.relative(repoDir, dataDir)}/postgres)`
    )
    const pgLog = path.join(dataDir, "postgres.log")
    fs.mkdirSync(dataDir, { recursive: true })
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port,
      log: (line) => fs.appendFileSync(pgLog, `${line}\n`),
    })
    stopPostgres = async () => {
      log("stopping embedded PostgreSQL…")
      await embedded.stop()
    }
    // The superuser only prepares the two roles; nothing of ours connects as it.
    const superuserDb = withDatabase(embedded.serverUrl, "lianxin")
    if (await createDatabaseIfMissing(superuserDb)) log("created the database")
    const { LIANXIN_DB_OWNER_PASSWORD: ownerPassword, LIANXIN_DB_APP_PASSWORD: appPassword } = localSecrets()
    await ensureLoginRole(superuserDb, OWNER_ROLE, ownerPassword)
    await ensureLoginRole(superuserDb, APP_ROLE, appPassword)
    await adoptOwnership(superuserDb, OWNER_ROLE)
    env.DATABASE_MIGRATION_URL = withCredentials(superuserDb, OWNER_ROLE, ownerPassword)
    env.DATABASE_URL = withCredentials(superuserDb, APP_ROLE, appPassword)
  } else {
    env.DATABASE_MIGRATION_URL ||= env.DATABASE_URL
    if (await createDatabaseIfMissing(env.DATABASE_MIGRATION_URL)) log("created the database")
  }
  const migrationUrl = env.DATABASE_MIGRATION_URL
  const twoRoles = userOf(migrationUrl) !== userOf(env.DATABASE_URL)

  const secretKeys = ["JWT_SECRET", "COOKIE_SECRET", "LIANXIN_REGISTRY_KEY", "LIANXIN_PICKUP_KEY"]
  if (secretKeys.some((k) => !env[k])) {
    Object.assign(env, { ...pick(localSecrets(), secretKeys), ...pick(env, secretKeys) })
  }
  if (!env.MEILISEARCH_HOST) {
    await startLocalMeilisearch(env)
  }
  env.LIANXIN_PUBLISHABLE_KEY_FILE ??= path.join(dataDir, "publishable-key")
  // npm start serves plain http on localhost, where a Secure session cookie
  // would never be stored; behind a TLS proxy the cookie becomes Secure.
  env.SESSION_COOKIE_SECURE ??= "auto"
  // Development SMS (and email without LIANXIN_SMTP_HOST) land here: tail -f .data/outbox/sms.jsonl
  env.LIANXIN_OUTBOX_DIR ??= path.join(dataDir, "outbox")

  const cwd = develop ? backendDir : serverDir
  if (!develop && !fs.existsSync(path.join(serverDir, "medusa-config.js"))) {
    fail("backend/.medusa/server is missing: run `npm run build` first (npm start does it through turbo).")
  }
  const script = develop ? "./src/scripts/seed.ts" : "./src/scripts/seed.js"

  // Uploaded files (product photos) live with the data, not in the build
  // output that every `medusa build` empties: <cwd>/static is a link to them.
  const uploads = path.join(dataDir, "uploads")
  fs.mkdirSync(uploads, { recursive: true })
  const staticDir = path.join(cwd, "static")
  if (!isLinkTo(staticDir, uploads)) {
    if (fs.existsSync(staticDir) && fs.lstatSync(staticDir).isDirectory()) {
      fs.cpSync(staticDir, uploads, { recursive: true, force: false })
    }
    fs.rmSync(staticDir, { recursive: true, force: true })
    fs.symlinkSync(uploads, staticDir, "dir")
  }

  // Migrations and the seed run as the owner; Medusa itself as the app role,
  // which never sees the owner's URL.
  const ownerEnv = { ...env, DATABASE_URL: migrationUrl }
  delete env.DATABASE_MIGRATION_URL
  if (!serveOnly) {
    log(`running migrations as ${userOf(migrationUrl)}…`)
    await run(["db:migrate"], { cwd, env: ownerEnv })
    log("seeding demo data if the database is empty…")
    await run(["exec", script], { cwd, env: ownerEnv })
    if (twoRoles) {
      await grantAppRole(migrationUrl, userOf(env.DATABASE_URL))
    }
  }
  for (const problem of await appRoleProblems(env.DATABASE_URL)) {
    console.warn(
      `[lianxin] WARNING: the backend's database role ${problem}. Set DATABASE_URL to a role that only reads and writes ` +
        "rows and DATABASE_MIGRATION_URL to the owner (README, docs/security.md)."
    )
  }
  // `npm run seed`: the same PostgreSQL, migrations and seed as npm start, then stop.
  if (process.argv.includes("--seed-only")) return shutdown(0)
  // `npm run rotate-keys`: re-encrypt everything still under a previous key (decision 016), as the app role, then stop.
  if (process.argv.includes("--rotate-keys")) {
    log("re-encrypting registry data and pickup codes under the current keys…")
    await run(["exec", develop ? "./src/scripts/rotate-keys.ts" : "./src/scripts/rotate-keys.js"], { cwd, env })
    return shutdown(0)
  }

  log(develop ? "starting Medusa (develop)…" : "starting Medusa…")
  const port = env.PORT ?? "9000"
  const args = develop ? ["develop", "--port", port] : ["start", "--port", port]
  await run(args, { cwd, env }).then(
    () => shutdown(0),
    (error) => {
      if (!shuttingDown) {
        console.error(`[lianxin] ${error.message}`)
        void shutdown(1)
      }
    }
  )
}

/**
 * Without MEILISEARCH_HOST: the packaged Meilisearch on 127.0.0.1, data in
 * .data/meilisearch, master key kept in .data/secrets.json. Where the binary
 * cannot run, the shop still starts and search answers from PostgreSQL.
 */
async function startLocalMeilisearch(env) {
  const port = Number(env.LIANXIN_MEILI_PORT ?? DEFAULT_MEILISEARCH_PORT)
  const masterKey = localSecrets().LIANXIN_MEILI_MASTER_KEY
  const meiliLog = path.join(dataDir, "meilisearch.log")
  try {
    log(
      `MEILISEARCH_HOST is not set: starting Meilisearch on 127.0.0.1:${port} (data in ${path.relative(repoDir, dataDir)}/meilisearch)`
    )
    const meili = await startMeilisearch({
      dataDir: path.join(dataDir, "meilisearch"),
      port,
      masterKey,
      log: (line) => fs.appendFileSync(meiliLog, `${line}\n`),
    })
    stopMeilisearch = async () => {
      log("stopping Meilisearch…")
      await meili.stop()
    }
    meili.exited.then((code) => {
      if (!shuttingDown) log(`Meilisearch exited (${code}); search answers from PostgreSQL until it is back`)
    })
    env.MEILISEARCH_HOST = meili.host
    env.MEILISEARCH_API_KEY = masterKey
  } catch (error) {
    if (!(error instanceof MeilisearchUnavailable)) throw error
    log(`${error.message}`)
    log("continuing without Meilisearch: search answers from PostgreSQL (degraded)")
  }
}

function isLinkTo(link, target) {
  try {
    return fs.lstatSync(link).isSymbolicLink() && path.resolve(path.dirname(link), fs.readlinkSync(link)) === target
  } catch {
    return false
  }
}

function pick(obj, keys) {
  return Object.fromEntries(keys.filter((k) => obj[k]).map((k) => [k, obj[k]]))
}

main().catch(async (error) => {
  console.error(`[lianxin] ${error instanceof Error ? error.message : error}`)
  await shutdown(1)
})
