import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** `order` recipients: a guest who gave only a mobile at checkout (no customer record). */
export class Migration20261205150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "notify_message" drop constraint if exists "notify_message_recipient_type_check";`
    )
    this.addSql(
      `alter table if exists "notify_message" add constraint "notify_message_recipient_type_check" check ("recipient_type" in ('customer', 'staff', 'household', 'order', 'address'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "notify_message" where "recipient_type" = 'order';`)
    this.addSql(
      `alter table if exists "notify_message" drop constraint if exists "notify_message_recipient_type_check";`
    )
    this.addSql(
      `alter table if exists "notify_message" add constraint "notify_message_recipient_type_check" check ("recipient_type" in ('customer', 'staff', 'household', 'address'));`
    )
  }
}
