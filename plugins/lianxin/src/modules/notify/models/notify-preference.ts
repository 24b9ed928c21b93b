import { model } from "@medusajs/framework/utils"

/**
 * A resident's (or staff member's) choice of channels and language. In-app
 * messages are always kept; email and SMS are opt-out for residents.
 * No row = the defaults (zh-CN, every channel on).
 */
const NotifyPreference = model
  .define("notify_preference", {
    id: model.id({ prefix: "npref" }).primaryKey(),
    recipient_type: model.enum(["customer", "staff"]),
    recipient_id: model.text(),
    email: model.boolean().default(true),
    sms: model.boolean().default(true),
    locale: model.enum(["zh-CN", "en"]).default("zh-CN"),
  })
  .indexes([{ on: ["recipient_type", "recipient_id"], unique: true, where: "deleted_at IS NULL" }])

export default NotifyPreference
