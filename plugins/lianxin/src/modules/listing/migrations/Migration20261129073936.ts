import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129073936 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "office_registration" drop constraint if exists "office_registration_idempotency_key_unique";`
    )
    this.addSql(`alter table if exists "listing" drop constraint if exists "listing_idempotency_key_unique";`)
    this.addSql(
      `create table if not exists "listing" ("id" text not null, "status" text check ("status" in ('pending_review', 'approved', 'rejected')) not null default 'pending_review', "household_id" text not null, "property_office_id" text not null, "product_id" text not null, "submitted_by" text not null, "title" text not null, "price_fen" integer not null, "unit_label" text not null, "weight_g" integer null, "stock" integer not null, "perishability" text check ("perishability" in ('chilled', 'ambient')) not null, "image_urls" jsonb not null, "reviewed_by" text null, "reviewed_at" timestamptz null, "reject_reason" text null, "idempotency_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "listing_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_listing_deleted_at" ON "listing" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_listing_idempotency_key_unique" ON "listing" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_listing_property_office_id_status" ON "listing" ("property_office_id", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_status" ON "listing" ("status") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "harvest_batch" ("id" text not null, "harvested_on" text not null, "quantity" real not null, "quantity_unit" text not null, "certificate_no" text not null, "certificate_photo_url" text not null, "listing_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "harvest_batch_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_harvest_batch_listing_id" ON "harvest_batch" ("listing_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_harvest_batch_deleted_at" ON "harvest_batch" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "office_registration" ("id" text not null, "idempotency_key" text not null, "household_id" text not null, "property_office_id" text not null, "staff_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "office_registration_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_office_registration_deleted_at" ON "office_registration" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_office_registration_idempotency_key_unique" ON "office_registration" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_office_registration_household_id" ON "office_registration" ("household_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "harvest_batch" add constraint "harvest_batch_listing_id_foreign" foreign key ("listing_id") references "listing" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "harvest_batch" drop constraint if exists "harvest_batch_listing_id_foreign";`)

    this.addSql(`drop table if exists "listing" cascade;`)

    this.addSql(`drop table if exists "harvest_batch" cascade;`)

    this.addSql(`drop table if exists "office_registration" cascade;`)
  }
}
