#!/usr/bin/env node
// The ledger at the scale of a city (issue 16): weekly statements and the public impact figures over 1,000,000
// ledger lines.
//
//   node bench/ledger.mjs [--lines 1000000] [--weeks 20] [--households 5000] [--keep]
//
// 1. A PostgreSQL database of its own: on TEST_DATABASE_URL's server if set, else a throw-away embedded cluster
//    (backend/scripts/postgres.mjs), dropped at the end unless --keep.
// 2. The revenue-share module's own migrations (from the plugin build), so the tables, append-only triggers,
//    indexes and the household-totals trigger are exactly the app's; plus a minimal `household` table (id, village)
//    for the documented SQL's join.
// 3. Loads the lines with one INSERT … SELECT FROM generate_series (deterministic, balanced per transaction): per
//    order line 10 postings — accrual (resident_payments → accrued for household 80 %, property office 10 %,
//    platform 10 %), earning of the household and the platform a day later, and either the office's earning or,
//    for every 4th line, the household's settlement (earned → paid_out). Spread evenly over --weeks weeks.
// 4. Times, with the plugin's SQL (plugins/lianxin/src/modules/revenue-share/sql.ts): the weekly statements of
//    every week in turn (the last one with all earlier weeks already stated), then all weeks' statements again at
//    once from empty statement tables; the impact figures from the documented SQL of docs/ledger.md (summing the
//    whole ledger) and from the precomputed ledger_household_total; and posting 200 ten-posting transactions one
//    INSERT each (as postTransactions does) with and without the totals trigger. Checks that the precomputed
//    figures equal the documented SQL's (exit 1 if not).
// Needs the plugin build (`npx turbo run build --filter=@lianxin/plugin`).
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const pg = require("pg")
const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, "..")
const { createDatabaseIfMissing, dropDatabase, testPostgresServer, withDatabase } = await import(
  "../backend/scripts/postgres.mjs"
)

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const LINES = arg("lines", 1_000_000)
const WEEKS = arg("weeks", 20)
const HOUSEHOLDS = arg("households", 5000)
const VILLAGES = Math.max(1, Math.round(HOUSEHOLDS / 10))
const KEEP = process.argv.includes("--keep")
if (LINES % 10 !== 0) throw new Error("--lines must be a multiple of 10 (ten postings per order line)")

const pluginServer = path.join(repo, "plugins", "lianxin", ".medusa", "server", "src")
const moduleDir = path.join(pluginServer, "modules", "revenue-share")
if (!fs.existsSync(path.join(moduleDir, "sql.js"))) {
  throw new Error("the plugin build is missing or old: npx turbo run build --filter=@lianxin/plugin")
}
const sql = require(path.join(moduleDir, "sql.js"))
/** The statements SQL with knex's `?` placeholders as node-postgres's $1, $2 … */
const statementsSql = (() => {
  let n = 0
  return sql.GENERATE_STATEMENTS_SQL.replace(/\?/g, () => `$${++n}`)
})()

/** The first statement of docs/ledger.md's first sql block: the public impact figures. */
function documentedImpactSql() {
  const doc = fs.readFileSync(path.join(repo, "docs", "ledger.md"), "utf8")
  const block = doc.match(/```sql\n([\s\S]*?)```/)
  if (!block) throw new Error("docs/ledger.md has no sql block")
  return block[1].slice(0, block[1].indexOf(";"))
}

/** The revenue-share module's migrations, in order, as the SQL they add (MikroORM collects it in `up`). */
async function moduleMigrationSql() {
  const dir = path.join(moduleDir, "migrations")
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^Migration\d+\.js$/.test(f))
    .sort()
  const out = []
  for (const file of files) {
    const mod = require(path.join(dir, file))
    const Class = Object.values(mod).find((v) => typeof v === "function")
    const migration = new Class({}, {})
    await migration.up()
    out.push(...migration.getQueries())
  }
  return out
}

const uptime = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6
const fmt = (n) => n.toLocaleString("en-US")

async function timed(label, fn) {
  const t0 = process.hrtime.bigint()
  const result = await fn()
  const took = ms(t0)
  return { label, ms: took, result }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

// Monday 2026-06-01 00:00 Asia/Shanghai.
const FIRST_MONDAY = Date.parse("2026-05-31T16:00:00Z")
const WEEK = 7 * 24 * 3600_000
const week = (n) => ({ start: new Date(FIRST_MONDAY + n * WEEK), end: new Date(FIRST_MONDAY + (n + 1) * WEEK) })

const server = await testPostgresServer()
const dbUrl = withDatabase(server.serverUrl, `lianxin_bench_ledger_${Date.now().toString(36)}`)
await createDatabaseIfMissing(dbUrl)
const client = new pg.Client({ connectionString: dbUrl })
await client.connect()
const rows = []
let failed = false
try {
  console.log(
    `ledger bench: ${fmt(LINES)} lines over ${WEEKS} weeks, ${fmt(HOUSEHOLDS)} households; load before: ${uptime()}`
  )
  for (const statement of await moduleMigrationSql()) await client.query(statement)
  await client.query(`CREATE TABLE household (id text PRIMARY KEY, village_id text NOT NULL, deleted_at timestamptz)`)
  await client.query(
    `INSERT INTO household (id, village_id)
     SELECT 'hh_bench_' || lpad(h::text, 6, '0'), 'vil_bench_' || lpad((h % $2)::text, 5, '0') FROM generate_series(0, $1 - 1) h`,
    [HOUSEHOLDS, VILLAGES]
  )

  const groups = LINES / 10
  const load = await timed("load", () =>
    client.query(
      `WITH g AS (
         SELECT g, 10 * (100 + (g * 7919) % 5000) AS a,
                'hh_bench_' || lpad(((g * 37) % $1::int)::text, 6, '0') AS hh,
                'ppt_bench_' || lpad((g % 50)::text, 3, '0') AS office,
                to_timestamp(($2::bigint + (g::bigint * $3::bigint / $4::bigint)) / 1000.0) AS at
           FROM generate_series(0, $4::int - 1) g
       )
       INSERT INTO ledger_entry (id, transaction_key, idempotency_key, kind, account, direction, amount, party_type, party_id,
                                 order_id, line_item_id, product_id, source, occurred_at)
       SELECT 'le_' || lpad(g::text, 8, '0') || lpad(j::text, 2, '0'),
              CASE WHEN j < 4 THEN 'accrual:' WHEN j >= 8 AND g % 4 = 0 THEN 'settlement:' ELSE 'earning:' END || g,
              'bench:' || g || ':' || j,
              (CASE WHEN j < 4 THEN 'accrual' WHEN j >= 8 AND g % 4 = 0 THEN 'settlement' ELSE 'earning' END),
              (CASE j WHEN 0 THEN 'resident_payments' WHEN 1 THEN 'accrued' WHEN 2 THEN 'accrued' WHEN 3 THEN 'accrued'
                      WHEN 4 THEN 'accrued' WHEN 5 THEN 'earned' WHEN 6 THEN 'accrued' WHEN 7 THEN 'earned'
                      WHEN 8 THEN CASE WHEN g % 4 = 0 THEN 'earned' ELSE 'accrued' END
                      ELSE CASE WHEN g % 4 = 0 THEN 'paid_out' ELSE 'earned' END END),
              (CASE WHEN j IN (0, 4, 6, 8) THEN 'debit' ELSE 'credit' END),
              (CASE WHEN j = 0 THEN a WHEN j IN (1, 4, 5) THEN a * 8 / 10
                    WHEN j IN (8, 9) THEN CASE WHEN g % 4 = 0 THEN a * 8 / 10 ELSE a / 10 END ELSE a / 10 END),
              (CASE WHEN j = 0 THEN NULL WHEN j IN (1, 4, 5) THEN 'household' WHEN j IN (3, 6, 7) THEN 'platform'
                    WHEN j = 2 THEN 'property_office'
                    ELSE CASE WHEN g % 4 = 0 THEN 'household' ELSE 'property_office' END END),
              (CASE WHEN j = 0 OR j IN (3, 6, 7) THEN NULL WHEN j IN (1, 4, 5) THEN hh WHEN j = 2 THEN office
                    ELSE CASE WHEN g % 4 = 0 THEN hh ELSE office END END),
              'order_bench_' || (g / 3), 'ordli_bench_' || g, 'prod_bench_' || (g % 5000), 'bench',
              CASE WHEN j < 4 THEN at WHEN j >= 8 AND g % 4 = 0 THEN at + interval '3 days' ELSE at + interval '1 day' END
         FROM g CROSS JOIN generate_series(0, 9) j`,
      [HOUSEHOLDS, FIRST_MONDAY, WEEKS * WEEK - 4 * 24 * 3600_000, groups]
    )
  )
  await client.query("ANALYZE")
  const count = Number((await client.query("SELECT count(*) FROM ledger_entry")).rows[0].count)
  const balance = (
    await client.query(
      `SELECT COUNT(*) AS unbalanced FROM (SELECT transaction_key FROM ledger_entry GROUP BY transaction_key
        HAVING SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END) <> 0) t`
    )
  ).rows[0].unbalanced
  rows.push([
    `load ${fmt(count)} lines (one INSERT … SELECT, totals trigger included)`,
    load.ms,
    `unbalanced transactions: ${balance}`,
  ])

  // ---------------------------------------------------------------- weekly statements, week by week
  const weekly = []
  let statements = 0
  for (let n = 0; n < WEEKS; n++) {
    const t = await timed(`week ${n + 1}`, () => client.query(statementsSql, sql.generateStatementsBindings(week(n))))
    weekly.push(t.ms)
    statements += t.result.rowCount
  }
  const lines = Number((await client.query("SELECT count(*) FROM statement_line")).rows[0].count)
  rows.push([
    `weekly statements, each of ${WEEKS} weeks in turn`,
    weekly.reduce((s, v) => s + v, 0),
    `${fmt(statements)} statements, ${fmt(lines)} lines; max week ${weekly.reduce((m, v) => Math.max(m, v), 0).toFixed(0)} ms, p50 ${percentile(weekly, 50).toFixed(0)} ms`,
  ])
  rows.push([`the last week (${WEEKS - 1} weeks stated before it)`, weekly.at(-1), "the Monday job's case"])
  const again = await timed("again", () => client.query(statementsSql, sql.generateStatementsBindings(week(WEEKS - 1))))
  rows.push(["the last week again (idempotent)", again.ms, `${again.result.rowCount} statements created`])

  await client.query("TRUNCATE statement_payment, statement_line, statement")
  const all = await timed("all", () =>
    client.query(statementsSql, sql.generateStatementsBindings({ start: week(0).start, end: week(WEEKS - 1).end }))
  )
  const allLines = Number((await client.query("SELECT count(*) FROM statement_line")).rows[0].count)
  rows.push([
    `one period spanning all ${WEEKS} weeks, from empty statement tables`,
    all.ms,
    `${fmt(all.result.rowCount)} statements, ${fmt(allLines)} lines`,
  ])

  // ---------------------------------------------------------------- impact figures
  const documented = documentedImpactSql()
  const precomputed = `SELECT COUNT(*) AS households, COUNT(DISTINCT h.village_id) AS villages,
         SUM(t.earned_fen) AS earned_by_households_fen, SUM(t.paid_fen) AS paid_to_households_fen
    FROM ledger_household_total t JOIN household h ON h.id = t.household_id WHERE t.earned_fen > 0`
  const runs = (q) => timedRuns(q, 7)
  const doc = await runs(documented)
  const pre = await runs(precomputed)
  const perHousehold = await runs(sql.HOUSEHOLD_TOTALS_SQL)
  const perHouseholdLedger = await runs(sql.HOUSEHOLD_TOTALS_FROM_LEDGER_SQL)
  const version = await runs(sql.HOUSEHOLD_TOTALS_VERSION_SQL)
  const same = JSON.stringify(doc.rows) === JSON.stringify(pre.rows)
  const samePerHousehold = JSON.stringify(perHousehold.rows) === JSON.stringify(perHouseholdLedger.rows)
  if (!same || !samePerHousehold) failed = true
  rows.push([
    "impact: documented SQL (docs/ledger.md), whole ledger",
    doc.p50,
    `p50 of 7; ${JSON.stringify(doc.rows[0])}`,
  ])
  rows.push([
    "impact: same figures from ledger_household_total",
    pre.p50,
    `p50 of 7; equal to the documented SQL: ${same}`,
  ])
  rows.push([
    "impact route's read: householdTotals() (precomputed)",
    perHousehold.p50,
    `p50 of 7; ${fmt(perHousehold.rows.length)} households`,
  ])
  rows.push([
    "  the same per household from the postings",
    perHouseholdLedger.p50,
    `p50 of 7; row for row equal: ${samePerHousehold}`,
  ])

  // ---------------------------------------------------------------- cost of the trigger on postings
  const post = async (label) => {
    const times = []
    for (let n = 0; n < 200; n++) {
      const values = []
      const params = []
      for (let j = 0; j < 10; j++) {
        const hh = `hh_bench_${String((n * 13 + j) % HOUSEHOLDS).padStart(6, "0")}`
        const debit = j % 2 === 0
        params.push(
          `le_post_${label}_${n}_${j}`,
          `earning:post:${label}:${n}`,
          `post:${label}:${n}:${j}`,
          debit ? "accrued" : "earned",
          debit ? "debit" : "credit",
          100,
          hh
        )
        const b = params.length - 7
        values.push(
          `($${b + 1}, $${b + 2}, $${b + 3}, 'earning', $${b + 4}, $${b + 5}, $${b + 6}, 'household', $${b + 7}, 'bench', now())`
        )
      }
      const t0 = process.hrtime.bigint()
      await client.query(
        `INSERT INTO ledger_entry (id, transaction_key, idempotency_key, kind, account, direction, amount, party_type, party_id, source, occurred_at)
         VALUES ${values.join(", ")} ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
        params
      )
      times.push(ms(t0))
    }
    return times
  }
  const withTrigger = await post("with")
  await client.query(`ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_household_total`)
  const withoutTrigger = await post("without")
  await client.query(`ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_household_total`)
  rows.push([
    "post a 10-posting transaction (one INSERT), with the totals trigger",
    percentile(withTrigger, 50),
    `p95 ${percentile(withTrigger, 95).toFixed(2)} ms over 200`,
  ])
  rows.push([
    "  the same without the trigger",
    percentile(withoutTrigger, 50),
    `p95 ${percentile(withoutTrigger, 95).toFixed(2)} ms over 200`,
  ])

  console.log("")
  const width = Math.max(...rows.map((r) => r[0].length))
  for (const [label, took, note] of rows) {
    console.log(`${label.padEnd(width)}  ${took.toFixed(took < 100 ? 2 : 0).padStart(9)} ms  ${note}`)
  }
  console.log(`\nload average after: ${uptime()} (${os.cpus().length} cores)`)
  if (failed) console.error("FAILED: the precomputed impact figures differ from the documented SQL's")
} finally {
  await client.end()
  if (!KEEP) await dropDatabase(dbUrl)
  else console.log(`kept ${dbUrl}`)
  await server.stop()
}
process.exit(failed ? 1 : 0)

async function timedRuns(query, n) {
  const times = []
  let result
  for (let k = 0; k < n; k++) {
    const t0 = process.hrtime.bigint()
    result = await client.query(query)
    times.push(ms(t0))
  }
  return { p50: percentile(times, 50), rows: result.rows }
}
