// The restore drill (scripts/backup/restore-drill.mjs) against the PostgreSQL
// that tests use (TEST_DATABASE_URL, else 127.0.0.1:5432 as .ci/run starts it):
// one scratch backup, restored whole (the drill passes) and restored without a
// table or without the ledger's rows (the drill must fail and say what is missing).
import assert from "node:assert/strict"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { after, before, test } from "node:test"
import { measure, withClient } from "../../scripts/backup/measure.mjs"
import { DEFAULT_SERVER, runDrill, scratchBackup } from "../../scripts/backup/restore-drill.mjs"

const server = process.env.DRILL_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-drill-test-"))
let dump

before(async () => {
  await withClient(server, (c) => c.query("SELECT 1")).catch((error) => {
    throw new Error(
      `the restore drill needs PostgreSQL with pg_dump/pg_restore (.ci/run starts it on 127.0.0.1:5432; else set TEST_DATABASE_URL): ${error.message}`
    )
  })
  dump = (await scratchBackup({ server, outDir, orders: 12 })).file
})

after(() => fs.rmSync(outDir, { recursive: true, force: true }))

const drillDatabases = () =>
  withClient(server, async (c) =>
    (await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'lianxin_drill_%'")).rows.map((r) => r.datname)
  )

test("a complete restore matches the backup: tables, counts, balanced ledger, checksum, append-only triggers", async () => {
  const before = new Set(await drillDatabases())
  const result = await runDrill({ server, dump })
  assert.deepEqual(result.problems, [])
  assert.equal(result.ok, true)
  assert.deepEqual(Object.keys(result.actual.counts).sort(), [
    "public.ledger_entry",
    // Kept by a trigger in the posting transaction (decision 019): restored like any table, its figures with it.
    "public.ledger_household_total",
    "public.split_policy",
    "public.statement",
    "public.statement_line",
    "public.statement_payment",
  ])
  // 12 orders: accrual 1 + 4 postings each, every other order 8 earning postings.
  assert.equal(result.actual.counts["public.ledger_entry"], 12 * 5 + 6 * 8)
  const cny = result.actual.ledger.currencies.cny
  assert.ok(cny.debit > 0)
  assert.equal(cny.debit, cny.credit)
  assert.equal(result.actual.ledger.checksum, result.expected.ledger.checksum)
  assert.ok(result.actual.triggers.includes("ledger_entry.ledger_entry_append_only"))
  // The drill leaves no database of its own behind.
  assert.deepEqual(
    (await drillDatabases()).filter((d) => !before.has(d)),
    []
  )
})

test("the restored ledger is still append-only (the trigger came back with the rows)", async () => {
  const result = await runDrill({ server, dump, keep: true })
  const restored = result.restored
  assert.ok((await drillDatabases()).includes(restored), "the kept restored database exists")
  const url = new URL(server)
  url.pathname = `/${restored}`
  try {
    await withClient(url.toString(), async (c) => {
      await assert.rejects(c.query("UPDATE ledger_entry SET amount = amount + 1"), /append-only/)
      assert.deepEqual((await measure(c)).ledger, result.expected.ledger)
    })
  } finally {
    await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${restored}" WITH (FORCE)`))
  }
})

test("a restore missing a table fails the drill and names the table", async () => {
  const result = await runDrill({ server, dump, omitTable: "statement_payment" })
  assert.equal(result.ok, false)
  assert.deepEqual(result.problems, [
    "table public.statement_payment is missing from the restore (1 rows in the backup)",
  ])
})

test("a restore without the ledger's rows fails on the counts and the ledger checksum", async () => {
  const result = await runDrill({ server, dump, omitData: "ledger_entry" })
  assert.equal(result.ok, false)
  assert.ok(
    result.problems.includes(`table public.ledger_entry: 0 rows restored, ${12 * 5 + 6 * 8} backed up`),
    result.problems.join("\n")
  )
  assert.ok(
    result.problems.some((p) => p.startsWith("ledger differs")),
    result.problems.join("\n")
  )
})

test("a dump that is not the one its manifest describes fails the drill", async () => {
  const copy = path.join(outDir, "tampered.dump")
  fs.copyFileSync(dump, copy)
  fs.appendFileSync(copy, "x")
  const manifest = JSON.parse(fs.readFileSync(dump.replace(/\.dump$/, ".manifest.json"), "utf8"))
  fs.writeFileSync(path.join(outDir, "tampered.manifest.json"), JSON.stringify(manifest))
  const result = await runDrill({ server, dump: copy })
  assert.equal(result.ok, false)
  assert.match(result.problems[0], /sha256/)
})
