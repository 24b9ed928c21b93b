import pg from "pg"
import { describe, expect, it } from "vitest"
import {
  STALE_TEST_DATABASE_MS,
  dropStaleTestDatabases,
  testDatabaseBornAt,
  testRunPrefix,
  // @ts-expect-error plain ESM helper shared with scripts/start.mjs (no type declarations)
} from "../../scripts/postgres.mjs"

describe("test run database names", () => {
  it("carry the run's birth time and a random part, so two runs in the same second differ", () => {
    const now = Date.parse("2026-12-05T04:00:00Z")
    const a: string = testRunPrefix("it", now)
    const b: string = testRunPrefix("it", now)
    expect(a).toMatch(/^lianxin_it_1796443200_[0-9a-f]{6}$/)
    expect(a).not.toBe(b)
    // Every database of the run (template, seeded template, per-file clone, its snapshot) is dated by the prefix.
    for (const name of [
      `${a}_template`,
      `${a}_e2e`,
      `${a}_shared`,
      `${a}_0f5eea500e-snapshot`,
      testRunPrefix("e2e", now),
    ]) {
      expect(testDatabaseBornAt(name), name).toBe(now)
    }
  })

  it("leave every other database alone: no date, no clean-up", () => {
    for (const name of [
      "lianxin",
      "postgres",
      "lianxin_it_8318f270_template",
      "lianxin_prod_1796443200_abcdef",
      "lianxin_it_1796443200",
    ]) {
      expect(testDatabaseBornAt(name), name).toBeNull()
    }
  })

  it("are dropped as leftovers once older than any run lasts, and not before", async () => {
    // The run's server (global-setup.ts set the DB_* variables).
    const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
    const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
    const serverUrl = `postgres://${user}${password}@${process.env.DB_HOST}:${process.env.DB_PORT}/postgres`
    const now = Date.now()
    const crashed: string = `${testRunPrefix("it", now - STALE_TEST_DATABASE_MS - 60_000)}_template`
    const running: string = `${testRunPrefix("it", now - STALE_TEST_DATABASE_MS + 60_000)}_template`
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      for (const name of [crashed, running]) {
        await client.query(`CREATE DATABASE "${name}"`)
        // Sealed as the runs' templates are: the clean-up must still be able to drop it.
        await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`)
      }
      const dropped: string[] = await dropStaleTestDatabases(serverUrl, { now })
      expect(dropped).toContain(crashed)
      expect(dropped).not.toContain(running)
      const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname = ANY($1)", [
        [crashed, running],
      ])
      expect(rows.map((r) => r.datname)).toEqual([running])
    } finally {
      await client.query(`ALTER DATABASE "${running}" WITH IS_TEMPLATE false`).catch(() => {})
      await client.query(`DROP DATABASE IF EXISTS "${running}"`)
      await client.query(`ALTER DATABASE "${crashed}" WITH IS_TEMPLATE false`).catch(() => {})
      await client.query(`DROP DATABASE IF EXISTS "${crashed}"`)
      await client.end()
    }
  })
})
