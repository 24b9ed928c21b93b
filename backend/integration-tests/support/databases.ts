import pg from "pg"

/**
 * Test databases on the run's PostgreSQL server (the DB_* variables the global
 * setup derives): clones of the run's migrated template, and their removal.
 */

export const RUN_ID_ENV = "LIANXIN_TEST_RUN_ID"
export const TEMPLATE_ENV = "LIANXIN_TEST_TEMPLATE_DB"

function ident(name: string) {
  if (!/^[a-z_][a-z0-9_-]*$/.test(name)) throw new Error(`Unsafe database name "${name}"`)
  return `"${name}"`
}

export function serverClient(database = process.env.DB_WAITINGROOM_DATABASE ?? "postgres") {
  return new pg.Client({
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database,
  })
}

async function withServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = serverClient()
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * Per-database durability for test databases: commits stop waiting for the
 * disk. (fsync and full_page_writes are server-wide: the embedded test server
 * starts with them off; on a shared server only this part applies.) Not copied
 * by CREATE DATABASE … TEMPLATE, so it is set on every database made.
 */
export async function relaxDurability(client: pg.Client, name: string) {
  await client.query(`ALTER DATABASE ${ident(name)} SET synchronous_commit = off`)
}

export async function createEmptyDatabase(name: string) {
  await withServer(async (client) => {
    await client.query(`CREATE DATABASE ${ident(name)}`)
    await relaxDurability(client, name)
  })
}

/** A new database with the template's schema and rows (the template must have no open connection). */
export async function cloneDatabase(template: string, name: string) {
  await withServer(async (client) => {
    await client.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`)
    await relaxDurability(client, name)
  })
}

/** A template nobody may connect to by accident (a connection would block every clone). */
export async function sealTemplate(name: string) {
  await withServer((client) =>
    client.query(`ALTER DATABASE ${ident(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`)
  )
}

/** Drops every database whose name starts with `prefix` (templates included), closing their connections. */
export async function dropDatabasesStartingWith(prefix: string) {
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix]
    )
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE ${ident(datname)} WITH IS_TEMPLATE false ALLOW_CONNECTIONS false`)
      await client.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`)
    }
  })
}
