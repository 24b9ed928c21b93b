import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

/**
 * The running backend's database role (issue 11, finding 3): it reads and
 * writes rows, and nothing more. The app under test connects exactly as the
 * production backend does (support/runner.ts: the app role on a clone of the
 * migrated template), so every statement below runs with the app's own rights.
 */
type Raw = {
  raw: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }>
  transaction: <T>(fn: (trx: Raw) => Promise<T>) => Promise<T>
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ dbConnection }) => {
    const db = dbConnection as unknown as Raw
    let entryId: string

    beforeAll(async () => {
      entryId = "le_security_regression"
      await db.raw(
        `INSERT INTO ledger_entry (id, transaction_key, idempotency_key, kind, account, direction, amount, source, occurred_at)
         VALUES (?, 'tx_security', 'idem_security', 'accrual', 'accrued', 'credit', 1234, 'test', now())`,
        [entryId]
      )
    })

    const amount = async () =>
      Number((await db.raw("SELECT amount FROM ledger_entry WHERE id = ?", [entryId])).rows[0].amount)

    it("connects as a plain role: no superuser, owns no table", async () => {
      const { rows } = await db.raw(
        `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
                (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
           FROM pg_roles WHERE rolname = current_user`
      )
      expect(rows[0]).toEqual({
        name: "lianxin_app",
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        owned: 0,
      })
    })

    it("cannot switch the ledger's append-only triggers off with session_replication_role", async () => {
      const bypass = db.transaction(async (trx) => {
        await trx.raw("SET LOCAL session_replication_role = replica")
        await trx.raw("UPDATE ledger_entry SET amount = 1 WHERE id = ?", [entryId])
      })
      await expect(bypass).rejects.toThrow(/permission denied to set parameter "session_replication_role"/)
      expect(await amount()).toBe(1234)
    })

    it("cannot disable, drop or replace the triggers, nor alter, truncate or drop the table", async () => {
      const attempts: [string, RegExp][] = [
        ["ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only", /must be owner/],
        ["ALTER TABLE ledger_entry DISABLE TRIGGER ALL", /must be owner/],
        ["DROP TRIGGER ledger_entry_append_only ON ledger_entry", /must be owner/],
        [
          "CREATE OR REPLACE FUNCTION lianxin_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
          /must be owner|permission denied/,
        ],
        ["ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_amount_positive", /must be owner/],
        ["ALTER TABLE ledger_entry ADD COLUMN note text", /must be owner/],
        ["TRUNCATE ledger_entry", /permission denied|append-only/],
        ["DROP TABLE ledger_entry", /must be owner/],
        ["CREATE TABLE public.ledger_shadow (id text)", /permission denied for schema public/],
        ["SET ROLE postgres", /permission denied to set role/],
        ["SET session_replication_role = replica", /permission denied to set parameter/],
      ]
      for (const [sql, error] of attempts) {
        await expect(db.raw(sql), sql).rejects.toThrow(error)
      }
      await expect(db.raw("UPDATE ledger_entry SET amount = 1 WHERE id = ?", [entryId])).rejects.toThrow(/append-only/)
      await expect(db.raw("DELETE FROM ledger_entry WHERE id = ?", [entryId])).rejects.toThrow(/append-only/)
      expect(await amount()).toBe(1234)
    })

    it("still reads and writes rows of every table the backend uses", async () => {
      const tables = `FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`
      const { rows } = await db.raw(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT (has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
            AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')))::int AS missing ${tables}`
      )
      expect(rows[0].n).toBeGreaterThan(100)
      expect(rows[0].missing).toBe(0)
      const truncatable = await db.raw(`SELECT count(*)::int AS n ${tables} AND has_table_privilege(c.oid, 'TRUNCATE')`)
      expect(truncatable.rows[0].n).toBe(0)
    })
  },
})
