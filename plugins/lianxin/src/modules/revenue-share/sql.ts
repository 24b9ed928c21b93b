/**
 * The ledger's set-based SQL, shared by the module's service and bench/ledger.mjs (which times it at 1,000,000
 * postings without booting Medusa). Bindings are `?` placeholders, in the order each comment gives.
 */

/**
 * Statements of one period, in one statement and so one snapshot: every earned household posting of
 * [period_start, period_end) that is on no statement yet, one statement per household (skipped when the household
 * has one for the period already) and one line per posting. A line's id derives from its posting's (a posting sits
 * on one statement only). Returns the created statements' ids.
 * Bindings: period_start, period_end, id prefix ("stmt_"), a salt for statement ids, period_start, period_end.
 */
export const GENERATE_STATEMENTS_SQL = `WITH eligible AS (
  SELECT le.id, le.party_id, le.order_id, le.line_item_id, le.product_id, le.occurred_at,
         CASE le.direction WHEN 'credit' THEN le.amount ELSE -le.amount END AS signed
    FROM ledger_entry le
   WHERE le.account = 'earned' AND le.party_type = 'household' AND le.party_id IS NOT NULL
     AND le.kind <> 'settlement' AND le.deleted_at IS NULL
     AND le.occurred_at >= ? AND le.occurred_at < ?
     AND NOT EXISTS (SELECT 1 FROM statement_line sl WHERE sl.ledger_entry_id = le.id AND sl.deleted_at IS NULL)
), totals AS (
  SELECT party_id, SUM(signed) AS total, COUNT(*) AS line_count FROM eligible GROUP BY party_id
), created AS (
  INSERT INTO statement (id, household_id, period_start, period_end, currency_code, total, line_count, created_at, updated_at)
  SELECT ? || upper(substr(md5(party_id || ? || random()::text), 1, 26)), party_id, ?, ?, 'cny', total, line_count, now(), now()
    FROM totals ORDER BY party_id
  ON CONFLICT (household_id, period_start) WHERE deleted_at IS NULL DO NOTHING
  RETURNING id, household_id
), lines AS (
  INSERT INTO statement_line (id, ledger_entry_id, order_id, line_item_id, product_id, amount, occurred_at, statement_id, created_at, updated_at)
  SELECT 'stln_' || substr(e.id, 4), e.id, e.order_id, e.line_item_id, e.product_id, e.signed, e.occurred_at, c.id, now(), now()
    FROM eligible e JOIN created c ON c.household_id = e.party_id
)
SELECT id FROM created ORDER BY household_id`

export function generateStatementsBindings(period: { start: Date; end: Date }): unknown[] {
  return [period.start, period.end, "stmt_", period.start.toISOString(), period.start, period.end]
}

/** Per-household impact totals as kept by the trigger of migration 20261205083000 (no bindings). */
export const HOUSEHOLD_TOTALS_SQL = `SELECT household_id, earned_fen, paid_fen FROM ledger_household_total ORDER BY household_id`

/**
 * The same totals summed from every posting: the per_household part of docs/ledger.md's SQL, restricted to the
 * households that have an earned or paid_out posting (the others have no row in ledger_household_total).
 */
export const HOUSEHOLD_TOTALS_FROM_LEDGER_SQL = `SELECT party_id AS household_id,
       SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END)
         FILTER (WHERE account IN ('earned', 'paid_out'))::bigint AS earned_fen,
       COALESCE(SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END)
         FILTER (WHERE account = 'paid_out'), 0)::bigint AS paid_fen
  FROM ledger_entry
 WHERE party_type = 'household' AND party_id IS NOT NULL AND deleted_at IS NULL
   AND account IN ('earned', 'paid_out')
 GROUP BY party_id
 ORDER BY party_id`

/**
 * What the impact figures depend on in the ledger, in one row: changes whenever a household's totals change
 * (every posting that touches them bumps updated_at and the sums). No bindings.
 */
export const HOUSEHOLD_TOTALS_VERSION_SQL = `SELECT COUNT(*) AS households, COALESCE(SUM(earned_fen), 0) AS earned_fen,
       COALESCE(SUM(paid_fen), 0) AS paid_fen, MAX(updated_at) AS updated_at
  FROM ledger_household_total`
