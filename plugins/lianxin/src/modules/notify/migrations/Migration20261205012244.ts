import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205012244 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "notify_preference" drop constraint if exists "notify_preference_recipient_type_recipient_id_unique";`
    )
    this.addSql(
      `alter table if exists "notify_message" drop constraint if exists "notify_message_idempotency_key_unique";`
    )
    this.addSql(
      `create table if not exists "notify_message" ("id" text not null, "idempotency_key" text not null, "event" text not null, "channel" text check ("channel" in ('in_app', 'email', 'sms')) not null, "recipient_type" text check ("recipient_type" in ('customer', 'staff', 'household', 'address')) not null, "recipient_id" text null, "to_masked" text null, "locale" text check ("locale" in ('zh-CN', 'en')) not null default 'zh-CN', "urgent" boolean not null default false, "template" text not null, "params" jsonb null, "sealed" text null, "title" text not null, "body" text not null, "link" text null, "resource_type" text null, "resource_id" text null, "status" text check ("status" in ('queued', 'sending', 'sent', 'failed', 'dead', 'skipped')) not null default 'queued', "attempts" integer not null default 0, "max_attempts" integer not null default 8, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "deferred_reason" text null, "last_error" text null, "sent_at" timestamptz null, "read_at" timestamptz null, "notification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notify_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notify_message_deleted_at" ON "notify_message" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notify_message_idempotency_key_unique" ON "notify_message" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notify_message_status_next_attempt_at" ON "notify_message" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notify_message_recipient_type_recipient_id_channel_created_at" ON "notify_message" ("recipient_type", "recipient_id", "channel", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "notify_preference" ("id" text not null, "recipient_type" text check ("recipient_type" in ('customer', 'staff')) not null, "recipient_id" text not null, "email" boolean not null default true, "sms" boolean not null default true, "locale" text check ("locale" in ('zh-CN', 'en')) not null default 'zh-CN', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notify_preference_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notify_preference_deleted_at" ON "notify_preference" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notify_preference_recipient_type_recipient_id_unique" ON "notify_preference" ("recipient_type", "recipient_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notify_message" cascade;`)

    this.addSql(`drop table if exists "notify_preference" cascade;`)
  }
}
