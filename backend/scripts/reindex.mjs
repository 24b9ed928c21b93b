#!/usr/bin/env node
// `npm run reindex`: rebuilds the product search index from PostgreSQL with a progress bar, into a new index
// version that is swapped in when complete (search keeps answering from the live one meanwhile).
//
// Where the data is, as `npm start` decides it:
//   - PostgreSQL: DATABASE_URL, else the embedded one under .data/ — the running one when `npm start` is up,
//     otherwise started for the rebuild and stopped after it;
//   - Meilisearch: MEILISEARCH_HOST + MEILISEARCH_API_KEY, else the packaged one on LIANXIN_MEILI_PORT with the
//     master key from .data/secrets.json — the running one, or started on .data/meilisearch for the rebuild.
// Then `medusa exec ./src/scripts/reindex.js` in the backend's build (npm run build first; the root script does).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { DEFAULT_MEILISEARCH_PORT, MeilisearchUnavailable, portInUse, startMeilisearch } from "./meilisearch.mjs"
import { APP_ROLE, DEFAULT_EMBEDDED_PORT, startEmbeddedPostgres, withCredentials } from "./postgres.mjs"

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const repoDir = path.resolve(backendDir, "..")
const dataDir = path.resolve(repoDir, process.env.LIANXIN_DATA_DIR ?? ".data")
const serverDir = path.join(backendDir, ".medusa", "server")
const medusaBin = path.join(repoDir, "node_modules", ".bin", "medusa")

const log = (message) => console.log(`[reindex] ${message}`)

class Refusal extends Error {}

const cleanups = []
let child = null
let stopping = false

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()()
    } catch (error) {
      console.error(`[reindex] ${error instanceof Error ? error.message : error}`)
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log(`${signal} received: stopping (the live index is untouched; the next reindex starts over)`)
    if (child && child.exitCode === null) child.kill("SIGTERM")
    void cleanup().then(() => process.exit(130))
  })
}

function savedSecrets() {
  const file = path.join(dataDir, "secrets.json")
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null
}

function pidAlive(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** DATABASE_URL of the app role: the env's, or the embedded server's (running, or started here). */
async function database(env, secrets) {
  if (env.DATABASE_URL) return env.DATABASE_URL
  const pgDir = path.join(dataDir, "postgres")
  if (!secrets?.LIANXIN_DB_APP_PASSWORD || !fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    throw new Refusal(
      `no database to read: DATABASE_URL is not set and ${path.relative(repoDir, pgDir)} holds none yet. ` +
        "Run `npm start` (or `npm run seed`) once first."
    )
  }
  const port = Number(env.LIANXIN_PG_PORT ?? DEFAULT_EMBEDDED_PORT)
  if (pidAlive(path.join(pgDir, "postmaster.pid"))) {
    log(`using the running embedded PostgreSQL on port ${port}`)
  } else {
    log(`starting the embedded PostgreSQL on port ${port} for the rebuild`)
    const embedded = await startEmbeddedPostgres({
      dataDir: pgDir,
      port,
      log: (line) => fs.appendFileSync(path.join(dataDir, "postgres.log"), `${line}\n`),
    })
    cleanups.push(async () => {
      log("stopping the embedded PostgreSQL")
      await embedded.stop()
    })
  }
  return withCredentials(`postgres://localhost:${port}/lianxin`, APP_ROLE, secrets.LIANXIN_DB_APP_PASSWORD)
}

/** MEILISEARCH_HOST/KEY: the env's, or the packaged server's (running on its port, or started here). */
async function meilisearch(env, secrets) {
  if (env.MEILISEARCH_HOST) {
    if (!env.MEILISEARCH_API_KEY) throw new Refusal("MEILISEARCH_API_KEY is required with MEILISEARCH_HOST")
    return { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY }
  }
  const masterKey = secrets?.LIANXIN_MEILI_MASTER_KEY
  if (!masterKey) {
    throw new Refusal(
      "no Meilisearch: MEILISEARCH_HOST is not set and .data/ has no master key yet. Run `npm start` once first."
    )
  }
  const port = Number(env.LIANXIN_MEILI_PORT ?? DEFAULT_MEILISEARCH_PORT)
  const host = `http://127.0.0.1:${port}`
  if (await portInUse(port)) {
    // Ours only if our key opens it: another checkout's Meilisearch must not be rebuilt from this database.
    const res = await fetch(`${host}/indexes?limit=1`, {
      headers: { Authorization: `Bearer ${masterKey}` },
      signal: AbortSignal.timeout(5000),
    }).catch(() => null)
    if (!res?.ok) {
      throw new Refusal(
        `port ${port} is held by a server that does not take this checkout's Meilisearch key ` +
          `(${res ? `HTTP ${res.status}` : "no answer"}): set LIANXIN_MEILI_PORT, or MEILISEARCH_HOST and MEILISEARCH_API_KEY`
      )
    }
    log(`using the running Meilisearch on ${host}`)
    return { host, apiKey: masterKey }
  }
  log(`starting Meilisearch on ${host} for the rebuild (data in ${path.relative(repoDir, dataDir)}/meilisearch)`)
  const meili = await startMeilisearch({
    dataDir: path.join(dataDir, "meilisearch"),
    port,
    masterKey,
    log: (line) => fs.appendFileSync(path.join(dataDir, "meilisearch.log"), `${line}\n`),
  })
  cleanups.push(async () => {
    log("stopping Meilisearch")
    await meili.stop()
  })
  return { host: meili.host, apiKey: masterKey }
}

async function main() {
  if (!fs.existsSync(path.join(serverDir, "medusa-config.js"))) {
    throw new Refusal("backend/.medusa/server is missing: run `npm run build` first (the root `npm run reindex` does).")
  }
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
  const secrets = savedSecrets()
  // The same local secrets npm start hands Medusa (configuration is validated at boot).
  for (const key of ["JWT_SECRET", "COOKIE_SECRET", "LIANXIN_REGISTRY_KEY", "LIANXIN_PICKUP_KEY"]) {
    if (!env[key] && secrets?.[key]) env[key] = secrets[key]
  }
  env.DATABASE_URL = await database(env, secrets)
  const meili = await meilisearch(env, secrets)
  env.MEILISEARCH_HOST = meili.host
  env.MEILISEARCH_API_KEY = meili.apiKey
  // Medusa's own info lines would break the bar; warnings and errors still show.
  env.LOG_LEVEL ??= "warn"
  const code = await new Promise((resolve) => {
    child = spawn(medusaBin, ["exec", "./src/scripts/reindex.js", ...process.argv.slice(2)], {
      cwd: serverDir,
      env,
      stdio: "inherit",
    })
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
  })
  // src/scripts/reindex.ts: another rebuild holds the lock; it printed who and since when.
  if (code === 3) throw new Refusal("nothing was done; run `npm run reindex -- --wait` to rebuild right after it.")
  if (code !== 0) throw new Error(`the rebuild failed (medusa exec exited with ${code}); the live index is untouched`)
}

main()
  .then(async () => {
    await cleanup()
    process.exit(0)
  })
  .catch(async (error) => {
    console.error(
      `[reindex] ${error instanceof Refusal || error instanceof MeilisearchUnavailable ? "" : "failed: "}${error.message}`
    )
    await cleanup()
    process.exit(1)
  })
