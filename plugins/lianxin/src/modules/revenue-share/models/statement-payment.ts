import { model } from "@medusajs/framework/utils"
import Statement from "./statement"

/** How and when a statement was paid to the household. At most one per statement. */
const StatementPayment = model.define("statement_payment", {
  id: model.id({ prefix: "stpay" }).primaryKey(),
  method: model.enum(["cash", "bank_transfer", "wechat"]),
  reference: model.text(),
  paid_at: model.dateTime(),
  recorded_by: model.text().nullable(),
  statement: model.belongsTo(() => Statement, { mappedBy: "payment" }),
})

export default StatementPayment
