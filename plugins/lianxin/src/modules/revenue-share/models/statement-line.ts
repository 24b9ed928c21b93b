import { model } from "@medusajs/framework/utils"
import Statement from "./statement"

/** One earned (or clawed-back) posting on a statement; a posting is on at most one statement. */
const StatementLine = model
  .define("statement_line", {
    id: model.id({ prefix: "stln" }).primaryKey(),
    ledger_entry_id: model.text(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    product_id: model.text().nullable(),
    amount: model.number(),
    occurred_at: model.dateTime(),
    statement: model.belongsTo(() => Statement, { mappedBy: "lines" }),
  })
  .indexes([{ on: ["ledger_entry_id"], unique: true }])

export default StatementLine
