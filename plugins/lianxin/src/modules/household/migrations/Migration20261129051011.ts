import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129051011 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "attribution_share" drop constraint if exists "attribution_share_attribution_id_household_id_unique";`
    )
    this.addSql(`alter table if exists "household" drop constraint if exists "household_code_unique";`)
    this.addSql(`alter table if exists "village" drop constraint if exists "village_code_unique";`)
    this.addSql(
      `alter table if exists "household_registry" drop constraint if exists "household_registry_national_id_digest_unique";`
    )
    this.addSql(
      `alter table if exists "household_registry" drop constraint if exists "household_registry_household_id_unique";`
    )
    this.addSql(
      `create table if not exists "household_registry" ("id" text not null, "household_id" text not null, "poverty_status_enc" text not null, "national_id_enc" text not null, "national_id_digest" text not null, "phone_enc" text null, "bank_name_enc" text null, "bank_account_enc" text null, "consent_record_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "household_registry_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_household_registry_deleted_at" ON "household_registry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_household_registry_household_id_unique" ON "household_registry" ("household_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_household_registry_national_id_digest_unique" ON "household_registry" ("national_id_digest") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "village" ("id" text not null, "code" text not null, "name" text not null, "township" text not null, "county" text not null, "province" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "village_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_village_deleted_at" ON "village" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_village_code_unique" ON "village" ("code") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "cooperative" ("id" text not null, "name" text not null, "contact_name" text null, "contact_phone" text null, "village_id" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cooperative_village_id" ON "cooperative" ("village_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cooperative_deleted_at" ON "cooperative" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "household" ("id" text not null, "code" text not null, "display_name" text not null, "story" text null, "photo_url" text null, "public_profile_consent" boolean not null default false, "registry_data_consent" boolean not null default false, "village_id" text not null, "cooperative_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "household_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_household_village_id" ON "household" ("village_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_household_cooperative_id" ON "household" ("cooperative_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_household_deleted_at" ON "household" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_household_code_unique" ON "household" ("code") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "registry_access_log" ("id" text not null, "field" text check ("field" in ('national_id', 'phone', 'bank_account')) not null, "reason" text not null, "actor_id" text not null, "accessed_at" timestamptz not null, "household_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "registry_access_log_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_registry_access_log_household_id" ON "registry_access_log" ("household_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_registry_access_log_deleted_at" ON "registry_access_log" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_registry_access_log_household_id_accessed_at" ON "registry_access_log" ("household_id", "accessed_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consent_record" ("id" text not null, "kind" text check ("kind" in ('public_profile', 'registry_data')) not null, "granted" boolean not null, "recorded_at" timestamptz not null, "recorded_by" text not null, "method" text not null, "note" text null, "household_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "consent_record_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_record_household_id" ON "consent_record" ("household_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_record_deleted_at" ON "consent_record" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_record_household_id_kind_recorded_at" ON "consent_record" ("household_id", "kind", "recorded_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "attribution" ("id" text not null, "cooperative_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "attribution_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_attribution_cooperative_id" ON "attribution" ("cooperative_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_attribution_deleted_at" ON "attribution" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "attribution_share" ("id" text not null, "share_bp" integer not null, "attribution_id" text not null, "household_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "attribution_share_pkey" primary key ("id"), constraint attribution_share_bp_range check (share_bp > 0 AND share_bp <= 10000));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_attribution_share_attribution_id" ON "attribution_share" ("attribution_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_attribution_share_household_id" ON "attribution_share" ("household_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_attribution_share_deleted_at" ON "attribution_share" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_attribution_share_attribution_id_household_id_unique" ON "attribution_share" ("attribution_id", "household_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "cooperative" add constraint "cooperative_village_id_foreign" foreign key ("village_id") references "village" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "household" add constraint "household_village_id_foreign" foreign key ("village_id") references "village" ("id") on update cascade;`
    )
    this.addSql(
      `alter table if exists "household" add constraint "household_cooperative_id_foreign" foreign key ("cooperative_id") references "cooperative" ("id") on update cascade on delete set null;`
    )

    this.addSql(
      `alter table if exists "registry_access_log" add constraint "registry_access_log_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "consent_record" add constraint "consent_record_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "attribution" add constraint "attribution_cooperative_id_foreign" foreign key ("cooperative_id") references "cooperative" ("id") on update cascade on delete set null;`
    )

    this.addSql(
      `alter table if exists "attribution_share" add constraint "attribution_share_attribution_id_foreign" foreign key ("attribution_id") references "attribution" ("id") on update cascade on delete cascade;`
    )
    this.addSql(
      `alter table if exists "attribution_share" add constraint "attribution_share_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`
    )

    // Consent records and the registry access log are append-only. A DELETE
    // is let through only when the deleting transaction has set
    // lianxin.append_only_rollback (the service's workflow-rollback path).
    this.addSql(`CREATE OR REPLACE FUNCTION household_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('lianxin.append_only_rollback', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;`)
    this.addSql(
      `CREATE TRIGGER consent_record_append_only BEFORE UPDATE OR DELETE ON "consent_record" FOR EACH ROW EXECUTE FUNCTION household_refuse_change();`
    )
    this.addSql(
      `CREATE TRIGGER registry_access_log_append_only BEFORE UPDATE OR DELETE ON "registry_access_log" FOR EACH ROW EXECUTE FUNCTION household_refuse_change();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS consent_record_append_only ON "consent_record";`)
    this.addSql(`DROP TRIGGER IF EXISTS registry_access_log_append_only ON "registry_access_log";`)
    this.addSql(`DROP FUNCTION IF EXISTS household_refuse_change();`)

    this.addSql(`alter table if exists "cooperative" drop constraint if exists "cooperative_village_id_foreign";`)

    this.addSql(`alter table if exists "household" drop constraint if exists "household_village_id_foreign";`)

    this.addSql(`alter table if exists "household" drop constraint if exists "household_cooperative_id_foreign";`)

    this.addSql(`alter table if exists "attribution" drop constraint if exists "attribution_cooperative_id_foreign";`)

    this.addSql(
      `alter table if exists "registry_access_log" drop constraint if exists "registry_access_log_household_id_foreign";`
    )

    this.addSql(
      `alter table if exists "consent_record" drop constraint if exists "consent_record_household_id_foreign";`
    )

    this.addSql(
      `alter table if exists "attribution_share" drop constraint if exists "attribution_share_household_id_foreign";`
    )

    this.addSql(
      `alter table if exists "attribution_share" drop constraint if exists "attribution_share_attribution_id_foreign";`
    )

    this.addSql(`drop table if exists "household_registry" cascade;`)

    this.addSql(`drop table if exists "village" cascade;`)

    this.addSql(`drop table if exists "cooperative" cascade;`)

    this.addSql(`drop table if exists "household" cascade;`)

    this.addSql(`drop table if exists "registry_access_log" cascade;`)

    this.addSql(`drop table if exists "consent_record" cascade;`)

    this.addSql(`drop table if exists "attribution" cascade;`)

    this.addSql(`drop table if exists "attribution_share" cascade;`)
  }
}
