import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129052143 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "pickup_line" drop constraint if exists "pickup_line_assignment_id_line_item_id_unique";`
    )
    this.addSql(
      `alter table if exists "pickup_assignment" drop constraint if exists "pickup_assignment_pickup_point_id_code_hash_unique";`
    )
    this.addSql(
      `alter table if exists "pickup_assignment" drop constraint if exists "pickup_assignment_order_id_unique";`
    )
    this.addSql(
      `alter table if exists "pickup_assignment" drop constraint if exists "pickup_assignment_cart_id_unique";`
    )
    this.addSql(
      `alter table if exists "pickup_batch" drop constraint if exists "pickup_batch_cycle_id_point_id_unique";`
    )
    this.addSql(
      `alter table if exists "pickup_staff_point" drop constraint if exists "pickup_staff_point_staff_id_point_id_unique";`
    )
    this.addSql(`alter table if exists "pickup_point" drop constraint if exists "pickup_point_code_unique";`)
    this.addSql(`alter table if exists "pickup_staff" drop constraint if exists "pickup_staff_email_unique";`)
    this.addSql(
      `alter table if exists "pickup_notification" drop constraint if exists "pickup_notification_assignment_id_kind_unique";`
    )
    this.addSql(`alter table if exists "pickup_lock" drop constraint if exists "pickup_lock_subject_unique";`)
    this.addSql(
      `create table if not exists "order_cycle" ("id" text not null, "name" text not null, "rhythm" text check ("rhythm" in ('daily', 'weekly', 'special')) not null, "producer_cutoff_at" timestamptz not null, "resident_cutoff_at" timestamptz not null, "pickup_starts_at" timestamptz not null, "pickup_ends_at" timestamptz not null, "canceled_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_cycle_pkey" primary key ("id"), constraint order_cycle_times_ordered check (producer_cutoff_at <= resident_cutoff_at AND resident_cutoff_at < pickup_starts_at AND pickup_starts_at < pickup_ends_at));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_order_cycle_deleted_at" ON "order_cycle" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_order_cycle_resident_cutoff_at" ON "order_cycle" ("resident_cutoff_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_code_failure" ("id" text not null, "staff_id" text not null, "pickup_point_id" text not null, "assignment_id" text null, "reason" text check ("reason" in ('wrong_code', 'bad_token', 'locked')) not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_code_failure_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_code_failure_deleted_at" ON "pickup_code_failure" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_code_failure_staff_id_occurred_at" ON "pickup_code_failure" ("staff_id", "occurred_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_code_failure_assignment_id_occurred_at" ON "pickup_code_failure" ("assignment_id", "occurred_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_lock" ("id" text not null, "subject" text not null, "failures" integer not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_lock_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_lock_deleted_at" ON "pickup_lock" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_lock_subject_unique" ON "pickup_lock" ("subject") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_notification" ("id" text not null, "assignment_id" text not null, "order_id" text not null, "kind" text check ("kind" in ('hold_expiry_reminder', 'uncollected')) not null, "payload" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_notification_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_notification_deleted_at" ON "pickup_notification" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_notification_assignment_id_kind_unique" ON "pickup_notification" ("assignment_id", "kind") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_staff" ("id" text not null, "name" text not null, "email" text not null, "phone" text null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_staff_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_staff_deleted_at" ON "pickup_staff" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_staff_email_unique" ON "pickup_staff" ("email") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "property_office" ("id" text not null, "company" text not null, "compound_name" text not null, "address" text not null, "city" text not null, "district" text null, "latitude" real null, "longitude" real null, "phone" text not null, "opening_hours" jsonb null, "is_active" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "property_office_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_property_office_deleted_at" ON "property_office" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_point" ("id" text not null, "code" text not null, "name" text not null, "office_id" text not null, "capacity_chilled" integer not null, "capacity_ambient" integer not null, "hold_hours_chilled" integer not null default 24, "hold_hours_ambient" integer not null default 72, "reminder_hours_before" integer not null default 4, "uncollected_policy" text check ("uncollected_policy" in ('donate', 'dispose', 'sell_off')) not null default 'donate', "is_active" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_point_pkey" primary key ("id"), constraint pickup_point_capacity_non_negative check (capacity_chilled >= 0 AND capacity_ambient >= 0), constraint pickup_point_hold_positive check (hold_hours_chilled > 0 AND hold_hours_ambient > 0 AND reminder_hours_before >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_point_office_id" ON "pickup_point" ("office_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_point_deleted_at" ON "pickup_point" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_point_code_unique" ON "pickup_point" ("code") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_staff_point" ("id" text not null, "staff_id" text not null, "point_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_staff_point_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_staff_point_staff_id" ON "pickup_staff_point" ("staff_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_staff_point_point_id" ON "pickup_staff_point" ("point_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_staff_point_deleted_at" ON "pickup_staff_point" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_staff_point_staff_id_point_id_unique" ON "pickup_staff_point" ("staff_id", "point_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_batch" ("id" text not null, "cycle_id" text not null, "point_id" text not null, "status" text check ("status" in ('open', 'harvest_frozen', 'arrived', 'ready')) not null default 'open', "reserved_chilled" integer not null default 0, "reserved_ambient" integer not null default 0, "last_bag_number" integer not null default 0, "harvest_frozen_at" timestamptz null, "harvest_snapshot" jsonb null, "arrived_at" timestamptz null, "arrived_by" text null, "checked_in_at" timestamptz null, "checked_in_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_batch_pkey" primary key ("id"), constraint pickup_batch_reserved_non_negative check (reserved_chilled >= 0 AND reserved_ambient >= 0));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_batch_cycle_id" ON "pickup_batch" ("cycle_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_batch_point_id" ON "pickup_batch" ("point_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_batch_deleted_at" ON "pickup_batch" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_batch_cycle_id_point_id_unique" ON "pickup_batch" ("cycle_id", "point_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_shortage" ("id" text not null, "batch_id" text not null, "variant_id" text not null, "missing_quantity" integer not null, "recorded_by" text not null, "allocations" jsonb not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_shortage_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_shortage_batch_id" ON "pickup_shortage" ("batch_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_shortage_deleted_at" ON "pickup_shortage" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_assignment" ("id" text not null, "cart_id" text not null, "order_id" text null, "batch_id" text not null, "pickup_point_id" text not null, "order_cycle_id" text not null, "property_office_id" text not null, "customer_id" text null, "status" text check ("status" in ('reserved', 'placed', 'ready', 'collected', 'uncollected', 'canceled')) not null default 'reserved', "perishability" text check ("perishability" in ('chilled', 'ambient')) not null, "bag_number" integer not null, "resident_name_masked" text null, "phone_last4" text null, "code_hash" text null, "code_version" integer not null default 0, "code_issued_at" timestamptz null, "order_total_fen" integer not null default 0, "refunded_fen" integer not null default 0, "collect_reduction_fen" integer not null default 0, "ready_at" timestamptz null, "hold_expires_at" timestamptz null, "reminder_sent_at" timestamptz null, "collected_at" timestamptz null, "uncollected_at" timestamptz null, "disposition" text check ("disposition" in ('donate', 'dispose', 'sell_off')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_assignment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_assignment_batch_id" ON "pickup_assignment" ("batch_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_assignment_deleted_at" ON "pickup_assignment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_assignment_cart_id_unique" ON "pickup_assignment" ("cart_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_assignment_order_id_unique" ON "pickup_assignment" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_assignment_pickup_point_id_code_hash_unique" ON "pickup_assignment" ("pickup_point_id", "code_hash") WHERE deleted_at IS NULL AND code_hash IS NOT NULL AND status IN ('reserved', 'placed', 'ready');`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_assignment_status_hold_expires_at" ON "pickup_assignment" ("status", "hold_expires_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_assignment_pickup_point_id_order_cycle_id" ON "pickup_assignment" ("pickup_point_id", "order_cycle_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_line" ("id" text not null, "assignment_id" text not null, "line_item_id" text not null, "variant_id" text null, "product_id" text null, "title" text not null, "quantity" integer not null, "amount_fen" integer not null, "short_quantity" integer not null default 0, "settled_short_quantity" integer not null default 0, "refund_fen" integer not null default 0, "handed_over_quantity" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_line_pkey" primary key ("id"), constraint pickup_line_quantities check (short_quantity >= 0 AND short_quantity <= quantity AND settled_short_quantity <= short_quantity AND handed_over_quantity + short_quantity <= quantity));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_line_assignment_id" ON "pickup_line" ("assignment_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_line_deleted_at" ON "pickup_line" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_line_assignment_id_line_item_id_unique" ON "pickup_line" ("assignment_id", "line_item_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_line_variant_id" ON "pickup_line" ("variant_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "pickup_handover" ("id" text not null, "assignment_id" text not null, "staff_id" text not null, "kind" text check ("kind" in ('full', 'partial')) not null, "method" text check ("method" in ('code', 'qr')) not null, "proxy" boolean not null default false, "proxy_name" text null, "lines" jsonb not null, "amount_to_collect_fen" integer not null default 0, "handed_over_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_handover_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_handover_assignment_id" ON "pickup_handover" ("assignment_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_pickup_handover_deleted_at" ON "pickup_handover" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "pickup_point" add constraint "pickup_point_office_id_foreign" foreign key ("office_id") references "property_office" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "pickup_staff_point" add constraint "pickup_staff_point_staff_id_foreign" foreign key ("staff_id") references "pickup_staff" ("id") on update cascade;`
    )
    this.addSql(
      `alter table if exists "pickup_staff_point" add constraint "pickup_staff_point_point_id_foreign" foreign key ("point_id") references "pickup_point" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "pickup_batch" add constraint "pickup_batch_cycle_id_foreign" foreign key ("cycle_id") references "order_cycle" ("id") on update cascade;`
    )
    this.addSql(
      `alter table if exists "pickup_batch" add constraint "pickup_batch_point_id_foreign" foreign key ("point_id") references "pickup_point" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "pickup_shortage" add constraint "pickup_shortage_batch_id_foreign" foreign key ("batch_id") references "pickup_batch" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "pickup_assignment" add constraint "pickup_assignment_batch_id_foreign" foreign key ("batch_id") references "pickup_batch" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "pickup_line" add constraint "pickup_line_assignment_id_foreign" foreign key ("assignment_id") references "pickup_assignment" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "pickup_handover" add constraint "pickup_handover_assignment_id_foreign" foreign key ("assignment_id") references "pickup_assignment" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pickup_batch" drop constraint if exists "pickup_batch_cycle_id_foreign";`)

    this.addSql(
      `alter table if exists "pickup_staff_point" drop constraint if exists "pickup_staff_point_staff_id_foreign";`
    )

    this.addSql(`alter table if exists "pickup_point" drop constraint if exists "pickup_point_office_id_foreign";`)

    this.addSql(
      `alter table if exists "pickup_staff_point" drop constraint if exists "pickup_staff_point_point_id_foreign";`
    )

    this.addSql(`alter table if exists "pickup_batch" drop constraint if exists "pickup_batch_point_id_foreign";`)

    this.addSql(`alter table if exists "pickup_shortage" drop constraint if exists "pickup_shortage_batch_id_foreign";`)

    this.addSql(
      `alter table if exists "pickup_assignment" drop constraint if exists "pickup_assignment_batch_id_foreign";`
    )

    this.addSql(`alter table if exists "pickup_line" drop constraint if exists "pickup_line_assignment_id_foreign";`)

    this.addSql(
      `alter table if exists "pickup_handover" drop constraint if exists "pickup_handover_assignment_id_foreign";`
    )

    this.addSql(`drop table if exists "order_cycle" cascade;`)

    this.addSql(`drop table if exists "pickup_code_failure" cascade;`)

    this.addSql(`drop table if exists "pickup_lock" cascade;`)

    this.addSql(`drop table if exists "pickup_notification" cascade;`)

    this.addSql(`drop table if exists "pickup_staff" cascade;`)

    this.addSql(`drop table if exists "property_office" cascade;`)

    this.addSql(`drop table if exists "pickup_point" cascade;`)

    this.addSql(`drop table if exists "pickup_staff_point" cascade;`)

    this.addSql(`drop table if exists "pickup_batch" cascade;`)

    this.addSql(`drop table if exists "pickup_shortage" cascade;`)

    this.addSql(`drop table if exists "pickup_assignment" cascade;`)

    this.addSql(`drop table if exists "pickup_line" cascade;`)

    this.addSql(`drop table if exists "pickup_handover" cascade;`)
  }
}
