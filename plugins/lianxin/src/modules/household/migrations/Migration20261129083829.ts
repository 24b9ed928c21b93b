import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129083829 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "registry_access_log" drop constraint if exists "registry_access_log_field_check";`
    )

    this.addSql(`alter table if exists "household_registry" add column if not exists "legal_name_enc" text null;`)

    this.addSql(
      `alter table if exists "registry_access_log" add constraint "registry_access_log_field_check" check("field" in ('legal_name', 'national_id', 'phone', 'bank_account'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "registry_access_log" drop constraint if exists "registry_access_log_field_check";`
    )

    this.addSql(`alter table if exists "household_registry" drop column if exists "legal_name_enc";`)

    this.addSql(
      `alter table if exists "registry_access_log" add constraint "registry_access_log_field_check" check("field" in ('national_id', 'phone', 'bank_account'));`
    )
  }
}
