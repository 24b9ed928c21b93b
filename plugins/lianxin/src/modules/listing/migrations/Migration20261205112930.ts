import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205112930 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "harvest_allocation" drop constraint if exists "harvest_allocation_line_item_id_unique";`
    )
    this.addSql(
      `create table if not exists "harvest_allocation" ("id" text not null, "harvest_batch_id" text not null, "listing_id" text not null, "product_id" text not null, "order_id" text not null, "line_item_id" text not null, "pickup_batch_id" text not null, "quantity" integer not null, "source" text check ("source" in ('harvest_freeze', 'check_in')) not null, "allocated_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "harvest_allocation_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_harvest_allocation_harvest_batch_id" ON "harvest_allocation" ("harvest_batch_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_harvest_allocation_deleted_at" ON "harvest_allocation" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_harvest_allocation_line_item_id_unique" ON "harvest_allocation" ("line_item_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_harvest_allocation_order_id" ON "harvest_allocation" ("order_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "harvest_allocation" add constraint "harvest_allocation_harvest_batch_id_foreign" foreign key ("harvest_batch_id") references "harvest_batch" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "harvest_batch" add column if not exists "recalled_at" timestamptz null, add column if not exists "recalled_by" text null, add column if not exists "recall_reason" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "harvest_allocation" cascade;`)

    this.addSql(
      `alter table if exists "harvest_batch" drop column if exists "recalled_at", drop column if exists "recalled_by", drop column if exists "recall_reason";`
    )
  }
}
