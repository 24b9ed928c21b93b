import { model } from "@medusajs/framework/utils"

/**
 * One product whose search document must be rebuilt. Durable: a change made
 * while Meilisearch is down stays here until a drain applies it. `version`
 * grows with every new change, so a drain acknowledges only what it applied;
 * `leased_until` keeps two workers off the same row.
 */
const SearchOutbox = model
  .define("search_outbox", {
    id: model.id({ prefix: "sobx" }).primaryKey(),
    product_id: model.text(),
    version: model.number().default(1),
    reason: model.text().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime(),
    leased_until: model.dateTime().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["product_id"], unique: true }, { on: ["next_attempt_at"] }])

export default SearchOutbox
