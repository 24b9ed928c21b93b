import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205013000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "search_outbox" ("id" text not null, "product_id" text not null, "version" integer not null default 1, "reason" text null, "attempts" integer not null default 0, "next_attempt_at" timestamptz not null, "leased_until" timestamptz null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_outbox_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_outbox_deleted_at" ON "search_outbox" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_search_outbox_product_id_unique" ON "search_outbox" ("product_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_outbox_next_attempt_at" ON "search_outbox" ("next_attempt_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_outbox" cascade;`)
  }
}
