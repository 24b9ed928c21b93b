import { model } from "@medusajs/framework/utils"
import StatementLine from "./statement-line"
import StatementPayment from "./statement-payment"

/**
 * A household's statement for one period (Asia/Shanghai weeks by default):
 * every earned posting of the period, once. Generated idempotently — one per
 * household and period — and settled by a payment record.
 */
const Statement = model
  .define("statement", {
    id: model.id({ prefix: "stmt" }).primaryKey(),
    household_id: model.text(),
    period_start: model.dateTime(),
    period_end: model.dateTime(),
    currency_code: model.text().default("cny"),
    total: model.number(),
    line_count: model.number(),
    lines: model.hasMany(() => StatementLine, { mappedBy: "statement" }),
    payment: model.hasOne(() => StatementPayment, { mappedBy: "statement" }).nullable(),
  })
  .indexes([{ on: ["household_id", "period_start"], unique: true }])

export default Statement
