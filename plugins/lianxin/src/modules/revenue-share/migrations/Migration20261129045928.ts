import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129045928 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "statement_payment" drop constraint if exists "statement_payment_statement_id_unique";`
    )
    this.addSql(
      `alter table if exists "statement_line" drop constraint if exists "statement_line_ledger_entry_id_unique";`
    )
    this.addSql(
      `alter table if exists "statement" drop constraint if exists "statement_household_id_period_start_unique";`
    )
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_idempotency_key_unique";`)
    this.addSql(
      `create table if not exists "ledger_entry" ("id" text not null, "transaction_key" text not null, "idempotency_key" text not null, "kind" text check ("kind" in ('accrual', 'earning', 'reversal', 'settlement')) not null, "account" text check ("account" in ('resident_payments', 'accrued', 'earned', 'paid_out')) not null, "direction" text check ("direction" in ('debit', 'credit')) not null, "amount" integer not null, "currency_code" text not null default 'cny', "party_type" text check ("party_type" in ('household', 'cooperative', 'property_office', 'platform')) null, "party_id" text null, "order_id" text null, "line_item_id" text null, "product_id" text null, "policy_id" text null, "policy_version" integer null, "source" text not null, "reason" text null, "occurred_at" timestamptz not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ledger_entry_pkey" primary key ("id"), constraint ledger_entry_amount_positive check (amount > 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_deleted_at" ON "ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_entry_idempotency_key_unique" ON "ledger_entry" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_transaction_key" ON "ledger_entry" ("transaction_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_order_id_line_item_id" ON "ledger_entry" ("order_id", "line_item_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_party_type_party_id_account" ON "ledger_entry" ("party_type", "party_id", "account") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_occurred_at" ON "ledger_entry" ("occurred_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "split_policy" ("id" text not null, "name" text not null, "scope" text check ("scope" in ('global', 'category', 'cooperative', 'household')) not null, "scope_id" text null, "version" integer not null, "household_bp" integer not null, "cooperative_bp" integer not null, "property_office_bp" integer not null, "platform_bp" integer not null, "created_by" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "split_policy_pkey" primary key ("id"), constraint split_policy_shares_sum check (household_bp + cooperative_bp + property_office_bp + platform_bp = 10000), constraint split_policy_shares_range check (household_bp >= 0 AND cooperative_bp >= 0 AND property_office_bp >= 0 AND platform_bp >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_split_policy_deleted_at" ON "split_policy" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "statement" ("id" text not null, "household_id" text not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "currency_code" text not null default 'cny', "total" integer not null, "line_count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "statement_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_statement_deleted_at" ON "statement" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_statement_household_id_period_start_unique" ON "statement" ("household_id", "period_start") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "statement_line" ("id" text not null, "ledger_entry_id" text not null, "order_id" text null, "line_item_id" text null, "product_id" text null, "amount" integer not null, "occurred_at" timestamptz not null, "statement_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "statement_line_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_statement_line_statement_id" ON "statement_line" ("statement_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_statement_line_deleted_at" ON "statement_line" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_statement_line_ledger_entry_id_unique" ON "statement_line" ("ledger_entry_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "statement_payment" ("id" text not null, "method" text check ("method" in ('cash', 'bank_transfer', 'wechat')) not null, "reference" text not null, "paid_at" timestamptz not null, "recorded_by" text null, "statement_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "statement_payment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_statement_payment_statement_id_unique" ON "statement_payment" ("statement_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_statement_payment_deleted_at" ON "statement_payment" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "statement_line" add constraint "statement_line_statement_id_foreign" foreign key ("statement_id") references "statement" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "statement_payment" add constraint "statement_payment_statement_id_foreign" foreign key ("statement_id") references "statement" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "statement_line" drop constraint if exists "statement_line_statement_id_foreign";`
    )

    this.addSql(
      `alter table if exists "statement_payment" drop constraint if exists "statement_payment_statement_id_foreign";`
    )

    this.addSql(`drop table if exists "ledger_entry" cascade;`)

    this.addSql(`drop table if exists "split_policy" cascade;`)

    this.addSql(`drop table if exists "statement" cascade;`)

    this.addSql(`drop table if exists "statement_line" cascade;`)

    this.addSql(`drop table if exists "statement_payment" cascade;`)
  }
}
