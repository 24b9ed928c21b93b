import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * What the data-model DSL cannot say: ledger entries and policy versions are
 * append-only (the database itself refuses UPDATE, DELETE and TRUNCATE), and
 * policy versions are unique per scope with the global scope's NULL scope_id
 * counted as one value.
 */
export class Migration20261129050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION lianxin_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lianxin: % is append-only, % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END
$$;`)
    for (const table of ["ledger_entry", "split_policy"]) {
      this.addSql(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION lianxin_refuse_change();`
      )
      this.addSql(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION lianxin_refuse_change();`
      )
    }
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_split_policy_scope_version_unique" ON "split_policy" ("scope", COALESCE("scope_id", ''), "version") WHERE deleted_at IS NULL;`
    )
    // The ledger needs a policy from the first order on: version 1 of the
    // global policy. Operators write new versions; this row is never edited.
    this.addSql(`INSERT INTO "split_policy" (id, name, scope, scope_id, version, household_bp, cooperative_bp,
        property_office_bp, platform_bp, created_by, note)
      VALUES ('spol_global_v1', '默认分账', 'global', NULL, 1, 7000, 1000, 1000, 1000, 'migration',
        '农户 70%、合作社 10%、物业服务点 10%、平台 10%')
      ON CONFLICT DO NOTHING;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_split_policy_scope_version_unique";`)
    for (const table of ["ledger_entry", "split_policy"]) {
      this.addSql(`DROP TRIGGER IF EXISTS "${table}_append_only" ON "${table}";`)
      this.addSql(`DROP TRIGGER IF EXISTS "${table}_no_truncate" ON "${table}";`)
    }
    this.addSql(`DROP FUNCTION IF EXISTS lianxin_refuse_change();`)
  }
}
