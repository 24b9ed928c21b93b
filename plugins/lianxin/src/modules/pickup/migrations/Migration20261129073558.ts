import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129073558 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "pickup_assignment" add column if not exists "disposal_policy" text check ("disposal_policy" in ('donate', 'dispose', 'sell_off')) null, add column if not exists "disposal_note" text null, add column if not exists "disposed_by" text null, add column if not exists "disposed_at" timestamptz null;`
    )

    this.addSql(
      `alter table if exists "pickup_line" add column if not exists "declined_quantity" integer not null default 0, add column if not exists "damaged_quantity" integer not null default 0;`
    )

    this.addSql(
      `alter table if exists "pickup_handover" add column if not exists "captured_fen" integer not null default 0, add column if not exists "payment_capture_id" text null, add column if not exists "fulfillment_id" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "pickup_assignment" drop column if exists "disposal_policy", drop column if exists "disposal_note", drop column if exists "disposed_by", drop column if exists "disposed_at";`
    )

    this.addSql(
      `alter table if exists "pickup_line" drop column if exists "declined_quantity", drop column if exists "damaged_quantity";`
    )

    this.addSql(
      `alter table if exists "pickup_handover" drop column if exists "captured_fen", drop column if exists "payment_capture_id", drop column if exists "fulfillment_id";`
    )
  }
}
