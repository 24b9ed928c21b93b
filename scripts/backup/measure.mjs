// What a backup must carry over, measured the same way on the live database
// (inside the snapshot pg_dump reads) and on a restore: every table's row
// count, the ledger's totals and checksum, and the triggers that keep the
// ledger append-only. restore-drill.mjs compares the two.
import pg from "pg"

const quote = (name) => `"${name.replaceAll('"', '""')}"`

/** Measures the database `client` is connected to (in whatever transaction or snapshot it is in). */
export async function measure(client) {
  const { rows: tables } = await client.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`
  )
  const counts = {}
  for (const t of tables) {
    const { rows } = await client.query(`SELECT count(*)::bigint AS n FROM ${quote(t.schema)}.${quote(t.name)}`)
    counts[`${t.schema}.${t.name}`] = Number(rows[0].n)
  }
  const { rows: triggers } = await client.query(
    `SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`
  )
  return {
    counts,
    ledger: "public.ledger_entry" in counts ? await ledger(client) : null,
    triggers: triggers.map((t) => t.name),
  }
}

/**
 * Σ debit and Σ credit per currency, the transactions that do not balance, and
 * an md5 over every entry (id, transaction, account, direction, amount) in id
 * order: equal checksums mean the same entries, not just the same sums.
 */
async function ledger(client) {
  const { rows: totals } = await client.query(
    `SELECT currency_code,
            coalesce(sum(amount) FILTER (WHERE direction = 'debit'), 0)::bigint AS debit,
            coalesce(sum(amount) FILTER (WHERE direction = 'credit'), 0)::bigint AS credit
       FROM ledger_entry GROUP BY currency_code ORDER BY currency_code`
  )
  const { rows: unbalanced } = await client.query(
    `SELECT count(*)::int AS n FROM (
       SELECT transaction_key FROM ledger_entry GROUP BY transaction_key
       HAVING sum(CASE direction WHEN 'debit' THEN amount ELSE -amount END) <> 0) t`
  )
  const { rows: sum } = await client.query(
    `SELECT coalesce(md5(string_agg(id || '|' || transaction_key || '|' || account || '|' || direction || '|' || amount,
              E'\\n' ORDER BY id)), md5('')) AS checksum FROM ledger_entry`
  )
  return {
    currencies: Object.fromEntries(
      totals.map((r) => [r.currency_code, { debit: Number(r.debit), credit: Number(r.credit) }])
    ),
    unbalanced_transactions: unbalanced[0].n,
    checksum: sum[0].checksum,
  }
}

/** Problems of one measurement on its own: a ledger whose debits and credits differ. */
export function ledgerProblems(m, label) {
  if (!m.ledger) return []
  const problems = []
  for (const [currency, { debit, credit }] of Object.entries(m.ledger.currencies)) {
    if (debit !== credit) problems.push(`${label}: ledger ${currency} Σ debit ${debit} ≠ Σ credit ${credit}`)
  }
  if (m.ledger.unbalanced_transactions > 0) {
    problems.push(`${label}: ${m.ledger.unbalanced_transactions} ledger transaction(s) do not balance`)
  }
  return problems
}

/** Every difference between what the backup held and what the restore has, in words; [] when they match. */
export function compare(expected, actual) {
  const problems = [...ledgerProblems(expected, "backup"), ...ledgerProblems(actual, "restore")]
  for (const [table, n] of Object.entries(expected.counts)) {
    if (!(table in actual.counts)) problems.push(`table ${table} is missing from the restore (${n} rows in the backup)`)
    else if (actual.counts[table] !== n)
      problems.push(`table ${table}: ${actual.counts[table]} rows restored, ${n} backed up`)
  }
  for (const table of Object.keys(actual.counts)) {
    if (!(table in expected.counts)) problems.push(`table ${table} is in the restore but not in the backup`)
  }
  for (const trigger of expected.triggers) {
    if (!actual.triggers.includes(trigger)) problems.push(`trigger ${trigger} is missing from the restore`)
  }
  if (JSON.stringify(expected.ledger) !== JSON.stringify(actual.ledger)) {
    problems.push(`ledger differs: backup ${JSON.stringify(expected.ledger)}, restore ${JSON.stringify(actual.ledger)}`)
  }
  return problems
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
