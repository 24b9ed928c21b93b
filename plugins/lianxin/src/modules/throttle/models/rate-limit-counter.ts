import { model } from "@medusajs/framework/utils"

/**
 * One rate-limit counter (a fixed window) when no Redis is configured: how
 * many attempts `key` made since the window began, and when it ends. Keys
 * carry no personal data (accounts are hashed). Shared by every server.
 */
const RateLimitCounter = model
  .define("rate_limit_counter", {
    id: model.id({ prefix: "rlc" }).primaryKey(),
    key: model.text(),
    count: model.number().default(0),
    reset_at: model.dateTime(),
  })
  .indexes([{ on: ["key"], unique: true }, { on: ["reset_at"] }])

export default RateLimitCounter
