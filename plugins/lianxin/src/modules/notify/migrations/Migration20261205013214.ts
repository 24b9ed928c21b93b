import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205013214 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "notify_message" drop column if exists "sealed";`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "notify_message" add column if not exists "sealed" text null;`)
  }
}
