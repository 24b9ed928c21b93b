import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "job_run" ("id" text not null, "job" text not null, "scheduled_for" timestamptz not null, "runner" text not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "outcome" text check ("outcome" in ('running', 'done', 'failed')) not null default 'running', "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "job_run_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_job_run_deleted_at" ON "job_run" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    // Not partial on deleted_at: a claim is never soft-deleted, and ON CONFLICT needs a plain unique index.
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_job_run_job_scheduled_for_unique" ON "job_run" ("job", "scheduled_for");`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_job_run_started_at" ON "job_run" ("started_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_run" cascade;`)
  }
}
