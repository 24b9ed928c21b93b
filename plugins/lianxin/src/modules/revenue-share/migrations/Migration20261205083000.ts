import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The public impact page reads per-household totals; summing the whole ledger
 * for each view grows with the ledger (~1 s at 1,000,000 lines). So the totals
 * are kept in `ledger_household_total`, added to by a statement trigger on
 * `ledger_entry` inside the very transaction that inserts the postings (the
 * ledger is append-only: an insert is the only change there is). Each row is
 * the documented SQL of docs/ledger.md for one household:
 *   earned_fen = Σ signed amount on `earned` and `paid_out`, paid_fen = Σ signed amount on `paid_out`
 * (credit positive). Households are locked in id order within a statement.
 * The backfill computes the same from the postings already there.
 *
 * Statements: the weekly run selects earned household postings of a period
 * that are on no statement; the partial index covers exactly those postings.
 */
export class Migration20261205083000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "ledger_household_total" (
  "household_id" text NOT NULL PRIMARY KEY,
  "earned_fen" bigint NOT NULL DEFAULT 0,
  "paid_fen" bigint NOT NULL DEFAULT 0,
  "updated_at" timestamptz NOT NULL DEFAULT now()
);`)
    this.addSql(`CREATE OR REPLACE FUNCTION lianxin_ledger_household_total_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_household_total AS t (household_id, earned_fen, paid_fen, updated_at)
  SELECT party_id,
         SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END),
         COALESCE(SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END) FILTER (WHERE account = 'paid_out'), 0),
         now()
    FROM new_entries
   WHERE party_type = 'household' AND party_id IS NOT NULL AND deleted_at IS NULL
     AND account IN ('earned', 'paid_out')
   GROUP BY party_id
   ORDER BY party_id
  ON CONFLICT (household_id) DO UPDATE
     SET earned_fen = t.earned_fen + EXCLUDED.earned_fen,
         paid_fen = t.paid_fen + EXCLUDED.paid_fen,
         updated_at = now();
  RETURN NULL;
END
$$;`)
    this.addSql(`DROP TRIGGER IF EXISTS "ledger_entry_household_total" ON "ledger_entry";`)
    this.addSql(`CREATE TRIGGER "ledger_entry_household_total" AFTER INSERT ON "ledger_entry"
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION lianxin_ledger_household_total_add();`)
    this.addSql(`INSERT INTO ledger_household_total (household_id, earned_fen, paid_fen)
SELECT party_id,
       SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END),
       COALESCE(SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END) FILTER (WHERE account = 'paid_out'), 0)
  FROM ledger_entry
 WHERE party_type = 'household' AND party_id IS NOT NULL AND deleted_at IS NULL AND account IN ('earned', 'paid_out')
 GROUP BY party_id
ON CONFLICT (household_id) DO NOTHING;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_household_earned_occurred_at" ON "ledger_entry" ("occurred_at", "party_id")
  WHERE account = 'earned' AND party_type = 'household' AND party_id IS NOT NULL AND kind <> 'settlement' AND deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_entry_household_earned_occurred_at";`)
    this.addSql(`DROP TRIGGER IF EXISTS "ledger_entry_household_total" ON "ledger_entry";`)
    this.addSql(`DROP FUNCTION IF EXISTS lianxin_ledger_household_total_add();`)
    this.addSql(`DROP TABLE IF EXISTS "ledger_household_total";`)
  }
}
