#!/usr/bin/env node
// `npm start` for the storefront: wait (bounded) for the backend's /health and
// for the publishable key, then run the built app with scripts/server.mjs.
// SIGINT/SIGTERM are passed on to the server, so Ctrl-C leaves nothing behind.
//
// The server parses the full environment itself at boot (app/lib/server/env.server.ts);
// this script checks only what it needs to wait, with the same defaults.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const storefrontDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const repoDir = path.resolve(storefrontDir, "..")
const serverBuild = path.join(storefrontDir, "build", "server", "index.js")

const log = (message) => console.log(`[storefront] ${message}`)
const fail = (message) => {
  console.error(`[storefront] ${message}`)
  process.exit(1)
}

/** Empty strings count as unset, as in the server's own parsing. */
const setting = (name) => {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

function readConfig() {
  const problems = []
  const backendUrl = (setting("MEDUSA_BACKEND_URL") ?? "http://localhost:9000").replace(/\/+$/, "")
  try {
    if (!/^https?:$/.test(new URL(backendUrl).protocol)) throw new Error()
  } catch {
    problems.push(`MEDUSA_BACKEND_URL must be an http(s) URL such as http://localhost:9000 (got "${backendUrl}")`)
  }
  const portText = setting("PORT") ?? "3000"
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number between 1 and 65535 (got "${portText}")`)
  }
  const waitText = setting("STOREFRONT_WAIT_SECONDS") ?? "180"
  const waitSeconds = Number(waitText)
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    problems.push(`STOREFRONT_WAIT_SECONDS must be a number of seconds, 0 or more (got "${waitText}")`)
  }
  if (problems.length > 0) {
    fail(`Invalid storefront environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`)
  }
  const dataDir = path.resolve(repoDir, setting("LIANXIN_DATA_DIR") ?? ".data")
  const keyFile = path.resolve(
    repoDir,
    setting("LIANXIN_PUBLISHABLE_KEY_FILE") ?? path.join(dataDir, "publishable-key")
  )
  return { backendUrl, port, waitSeconds, keyFromEnv: Boolean(setting("MEDUSA_PUBLISHABLE_KEY")), keyFile }
}

let stopping = false
let server = null

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    if (!server) {
      log(`${signal} received before the server started: exiting`)
      process.exit(0)
    }
    log(`${signal} received: stopping the server…`)
    try {
      server.kill(signal === "SIGHUP" ? "SIGTERM" : signal)
    } catch {}
    // The server closes its listener and exits; do not wait forever on open connections.
    setTimeout(() => {
      log("server did not stop within 10 s: killing it")
      try {
        server.kill("SIGKILL")
      } catch {}
    }, 10_000).unref()
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` once a second until it returns true or the deadline passes; logs every 10 s. */
async function waitFor(what, deadline, check) {
  const started = Date.now()
  let lastLog = started
  let lastProblem = ""
  log(`waiting for ${what}…`)
  for (;;) {
    const problem = await check()
    if (problem === true) {
      log(`${what}: ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return true
    }
    lastProblem = problem
    if (Date.now() >= deadline) {
      log(`gave up waiting for ${what} after ${Math.round((Date.now() - started) / 1000)} s (${lastProblem})`)
      return false
    }
    if (Date.now() - lastLog >= 10_000) {
      lastLog = Date.now()
      log(`still waiting for ${what} (${Math.round((lastLog - started) / 1000)} s: ${lastProblem})`)
    }
    await sleep(1_000)
  }
}

async function backendHealthy(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) })
    return response.ok ? true : `HTTP ${response.status}`
  } catch (error) {
    return error?.cause?.code ?? error?.name ?? "no answer"
  }
}

function keyWritten(file) {
  try {
    return fs.readFileSync(file, "utf8").trim() ? true : "file is empty"
  } catch (error) {
    return error.code === "ENOENT" ? "file does not exist yet" : error.message
  }
}

async function main() {
  const config = readConfig()
  if (!fs.existsSync(serverBuild)) {
    fail(
      `${path.relative(repoDir, serverBuild)} is missing: run \`npm run build -w @lianxin/storefront\` first (the root \`npm start\` builds through turbo).`
    )
  }

  if (config.keyFromEnv) log("publishable key: from MEDUSA_PUBLISHABLE_KEY")
  if (config.waitSeconds === 0) {
    log("STOREFRONT_WAIT_SECONDS=0: not waiting for the backend")
  } else {
    const deadline = Date.now() + config.waitSeconds * 1000
    const healthy = await waitFor(`the backend at ${config.backendUrl}/health`, deadline, () =>
      backendHealthy(`${config.backendUrl}/health`)
    )
    const keyReady =
      config.keyFromEnv ||
      (await waitFor(`the publishable key in ${config.keyFile}`, deadline, () => keyWritten(config.keyFile)))
    if (!healthy || !keyReady) {
      log(
        "starting anyway: pages answer 503 (商城暂时无法连接) until the backend and its key are there, then recover by themselves"
      )
    }
  }
  if (stopping) return

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? "production",
    PORT: String(config.port),
    LIANXIN_PUBLISHABLE_KEY_FILE: config.keyFile,
  }
  log(`starting the server on port ${config.port}…`)
  server = spawn(process.execPath, [path.join(storefrontDir, "scripts", "server.mjs"), serverBuild], {
    cwd: storefrontDir,
    env,
    stdio: "inherit",
  })
  server.once("error", (error) => fail(`could not start the server: ${error.message}`))
  server.once("exit", (code, signal) => {
    if (stopping) {
      log("server stopped")
      process.exit(0)
    }
    fail(`server exited unexpectedly (${signal ?? `exit code ${code}`})`)
  })
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))
