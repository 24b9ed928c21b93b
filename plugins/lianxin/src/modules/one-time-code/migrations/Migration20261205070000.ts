import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "one_time_code" ("id" text not null, "purpose" text check ("purpose" in ('sign_in', 'verify_contact')) not null, "channel" text check ("channel" in ('sms', 'email')) not null, "contact_digest" text not null, "requester" text null, "code_hash" text not null, "expires_at" timestamptz not null, "attempts" integer not null default 0, "max_attempts" integer not null default 5, "closed_at" timestamptz null, "outcome" text check ("outcome" in ('verified', 'superseded', 'locked', 'expired')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "one_time_code_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_one_time_code_deleted_at" ON "one_time_code" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_one_time_code_purpose_contact_digest_created_at" ON "one_time_code" ("purpose", "contact_digest", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_one_time_code_expires_at" ON "one_time_code" ("expires_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "one_time_code" cascade;`)
  }
}
