import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205013213 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "pickup_assignment" add column if not exists "code_sealed" text null, add column if not exists "code_shown_at" timestamptz null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "pickup_assignment" drop column if exists "code_sealed", drop column if exists "code_shown_at";`
    )
  }
}
