#!/usr/bin/env node
// Restore drill: a backup is only a backup once it has been restored and found
// complete. Restores a dump into a scratch database and compares it with what
// the backup measured (scripts/backup/measure.mjs): every table and its row
// count, the ledger's Σ debit = Σ credit per currency, every transaction
// balanced, the ledger checksum, the append-only triggers. Exit 0 when all
// match, 1 with the differences otherwise. Scratch databases are named
// lianxin_drill_<unix time>_<random>_… and dropped at the end.
//
//   node scripts/backup/restore-drill.mjs
//       builds a small Lianxin database (the revenue-share module's real
//       migrations: ledger with its append-only trigger, policies, statements;
//       balanced sample postings), backs it up with backup.mjs, drops it,
//       restores into a new database and verifies
//   node scripts/backup/restore-drill.mjs --dump FILE.dump [--manifest FILE.manifest.json]
//       drills a real backup (its manifest defaults to the file beside it)
//
// --server URL: where scratch databases are created (DRILL_DATABASE_URL, else
// TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres); a role
// that may CREATE DATABASE. --keep leaves the restored database. To rehearse a
// broken restore (the drill must fail): --omit-table NAME drops a table and all
// that belongs to it from the restore list, --omit-data NAME only its rows.
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createJiti } from "jiti"
import { backup } from "./backup.mjs"
import { compare, measure, withClient } from "./measure.mjs"
import { assertToolFits, runTool, withDatabase } from "./pg-tools.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const repoDir = path.resolve(here, "..", "..")
const MIGRATIONS = path.join(repoDir, "plugins", "lianxin", "src", "modules", "revenue-share", "migrations")
export const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"

const log = (message) => console.log(`[drill] ${message}`)

/** The revenue-share module's migrations, in order, as SQL (their framework import replaced by a collector). */
export async function revenueShareMigrationSql() {
  const jiti = createJiti(import.meta.url, {
    alias: { "@medusajs/framework/mikro-orm/migrations": path.join(here, "migration-stub.mjs") },
    moduleCache: false,
  })
  const sql = []
  for (const file of fs
    .readdirSync(MIGRATIONS)
    .filter((f) => /^Migration\d+\.ts$/.test(f))
    .sort()) {
    const mod = await jiti.import(path.join(MIGRATIONS, file))
    for (const Migration of Object.values(mod)) {
      const migration = new Migration()
      await migration.up()
      sql.push(...(migration.collected ?? []))
    }
  }
  return sql
}

/**
 * Balanced sample postings as the ledger writes them (docs/ledger.md): per order
 * an accrual (debit resident_payments, credit accrued per party, split 70/10/10/10
 * by largest remainder), an earning for every other order (debit accrued, credit
 * earned), and one household statement with lines and a payment.
 */
export async function fillSample(client, orders = 40) {
  const parties = [
    ["household", "hh_1", 7000],
    ["cooperative", "coop_1", 1000],
    ["property_office", "po_1", 1000],
    ["platform", null, 1000],
  ]
  let n = 0
  const entry = (tx, kind, account, direction, amount, party, order) => {
    n += 1
    return client.query(
      `INSERT INTO ledger_entry (id, transaction_key, idempotency_key, kind, account, direction, amount, party_type,
         party_id, order_id, policy_id, policy_version, source, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'spol_global_v1', 1, 'drill', now())`,
      [
        `le_${String(n).padStart(5, "0")}`,
        tx,
        `${tx}:${n}`,
        kind,
        account,
        direction,
        amount,
        party?.[0] ?? null,
        party?.[1] ?? null,
        order,
      ]
    )
  }
  const householdLines = []
  for (let o = 1; o <= orders; o++) {
    const order = `order_${o}`
    const total = 1990 + o * 37 // fen
    const floors = parties.map(([, , bp]) => Math.floor((total * bp) / 10000))
    floors[0] += total - floors.reduce((a, b) => a + b, 0) // the remainder fen go to the household first
    await entry(`accrual:${order}`, "accrual", "resident_payments", "debit", total, null, order)
    for (const [i, party] of parties.entries()) {
      await entry(`accrual:${order}`, "accrual", "accrued", "credit", floors[i], party, order)
    }
    if (o % 2 === 0) {
      for (const [i, party] of parties.entries()) {
        await entry(`earning:${order}`, "earning", "accrued", "debit", floors[i], party, order)
        await entry(`earning:${order}`, "earning", "earned", "credit", floors[i], party, order)
        if (i === 0) householdLines.push({ id: `le_${String(n).padStart(5, "0")}`, order, amount: floors[i] })
      }
    }
  }
  const total = householdLines.reduce((a, l) => a + l.amount, 0)
  await client.query(
    `INSERT INTO statement (id, household_id, period_start, period_end, total, line_count)
     VALUES ('stmt_1', 'hh_1', '2026-11-01T00:00:00+08', '2026-12-01T00:00:00+08', $1, $2)`,
    [total, householdLines.length]
  )
  for (const [i, line] of householdLines.entries()) {
    await client.query(
      `INSERT INTO statement_line (id, ledger_entry_id, order_id, amount, occurred_at, statement_id)
       VALUES ($1, $2, $3, $4, now(), 'stmt_1')`,
      [`stln_${i + 1}`, line.id, line.order, line.amount]
    )
  }
  await client.query(
    `INSERT INTO statement_payment (id, method, reference, paid_at, recorded_by, statement_id)
     VALUES ('stpay_1', 'bank_transfer', 'DRILL-0001', now(), 'drill', 'stmt_1')`
  )
}

/** The dump's table of contents minus what --omit-table / --omit-data name, as a pg_restore -L list. */
async function restoreList(dump, { omitTable, omitData }) {
  const toc = await runTool("pg_restore", ["--list", dump])
  const word = (name) => new RegExp(`(^|[ _"])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([ _"]|$)`)
  return toc
    .split("\n")
    .filter((line) => {
      if (line.startsWith(";") || !line.trim()) return true
      if (omitTable && word(omitTable).test(line)) return false
      if (omitData && line.includes(` TABLE DATA public ${omitData} `)) return false
      return true
    })
    .join("\n")
}

const uniqueName = (what) =>
  `lianxin_drill_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(3).toString("hex")}_${what}`

async function createDatabase(server, name) {
  await withClient(server, (c) => c.query(`CREATE DATABASE "${name}"`))
  return withDatabase(server, name)
}

async function dropDatabase(server, name) {
  await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

/**
 * A backup of a fresh scratch database: the revenue-share migrations and the
 * sample postings, backed up with backup.mjs into `outDir`, then dropped.
 * Resolves to backup()'s { file, manifestFile, manifest }.
 */
export async function scratchBackup({ server = DEFAULT_SERVER, outDir, orders }) {
  const source = uniqueName("src")
  const sourceUrl = await createDatabase(server, source)
  try {
    log(`scratch database ${source}: revenue-share migrations and sample postings`)
    const sql = await revenueShareMigrationSql()
    await withClient(sourceUrl, async (c) => {
      for (const statement of sql) await c.query(statement)
      await fillSample(c, orders)
    })
    const result = await backup({ url: sourceUrl, outDir, label: source })
    log(`backed up to ${path.basename(result.file)} (${result.manifest.bytes} bytes); dropping ${source}`)
    return result
  } finally {
    await dropDatabase(server, source)
  }
}

/**
 * Runs the drill; resolves to { ok, problems, expected, actual, restored }. Drops every
 * database it created (the restored one too unless `keep`).
 */
export async function runDrill({
  server = DEFAULT_SERVER,
  dump,
  manifest,
  omitTable,
  omitData,
  keep = false,
  orders,
} = {}) {
  const created = []
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-drill-"))
  try {
    let expected
    if (!dump) {
      const made = await scratchBackup({ server, outDir: workDir, orders })
      dump = made.file
      expected = made.manifest
    } else {
      const manifestFile = manifest ?? dump.replace(/\.dump$/, ".manifest.json")
      if (!fs.existsSync(manifestFile))
        throw new Error(`no manifest for ${dump}: expected ${manifestFile} (backup.mjs writes it)`)
      expected = JSON.parse(fs.readFileSync(manifestFile, "utf8"))
    }
    const problems = []
    const sha256 = crypto.createHash("sha256").update(fs.readFileSync(dump)).digest("hex")
    if (expected.sha256 && expected.sha256 !== sha256)
      problems.push(`the dump's sha256 ${sha256} is not the manifest's ${expected.sha256}`)

    const target = uniqueName("restored")
    const targetUrl = await createDatabase(server, target)
    created.push(target)
    await withClient(targetUrl, (c) => assertToolFits("pg_restore", c))
    const args = ["--no-owner", "--no-acl", "--exit-on-error", `--dbname=${targetUrl}`]
    if (omitTable || omitData) {
      const listFile = path.join(workDir, "restore.list")
      fs.writeFileSync(listFile, await restoreList(dump, { omitTable, omitData }))
      args.push(`--use-list=${listFile}`)
      log(`rehearsing an incomplete restore: without ${omitTable ? `table ${omitTable}` : `the rows of ${omitData}`}`)
    }
    log(`restoring into ${target}`)
    try {
      await runTool("pg_restore", [...args, dump])
    } catch (error) {
      problems.push(`pg_restore failed: ${error.message}`)
    }
    const actual = await withClient(targetUrl, measure)
    problems.push(...compare(expected, actual))
    const rows = Object.values(actual.counts).reduce((a, b) => a + b, 0)
    log(
      `restored ${Object.keys(actual.counts).length} tables, ${rows} rows; ledger ${JSON.stringify(actual.ledger?.currencies ?? null)}, checksum ${actual.ledger?.checksum ?? "-"}, ${actual.triggers.length} triggers`
    )
    if (keep) {
      created.splice(created.indexOf(target), 1)
      log(`kept ${target}`)
    }
    return { ok: problems.length === 0, problems, expected, actual, restored: keep ? target : null }
  } finally {
    for (const name of created)
      await dropDatabase(server, name).catch((e) => log(`could not drop ${name}: ${e.message}`))
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

function option(name) {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now()
  runDrill({
    server: option("--server") ?? process.env.DRILL_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER,
    dump: option("--dump") && path.resolve(option("--dump")),
    manifest: option("--manifest") && path.resolve(option("--manifest")),
    omitTable: option("--omit-table"),
    omitData: option("--omit-data"),
    keep: process.argv.includes("--keep"),
  }).then(
    ({ ok, problems }) => {
      const took = `${((Date.now() - started) / 1000).toFixed(1)} s`
      if (ok) {
        log(`PASSED in ${took}: every table, row count, ledger total, checksum and trigger matches the backup`)
        return
      }
      for (const p of problems) console.error(`[drill] MISMATCH ${p}`)
      console.error(`[drill] FAILED in ${took}: the restore does not match the backup (${problems.length} problem(s))`)
      process.exit(1)
    },
    (error) => {
      console.error(`[drill] error: ${error.message}`)
      process.exit(1)
    }
  )
}
