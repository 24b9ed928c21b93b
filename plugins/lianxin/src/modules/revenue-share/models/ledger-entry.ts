import { model } from "@medusajs/framework/utils"

/**
 * One posting of the double-entry revenue ledger, in integer fen. Postings
 * are append-only (a database trigger refuses UPDATE and DELETE) and grouped
 * into balanced transactions: Σ debit = Σ credit per transaction_key.
 *
 * Accounts:
 * - resident_payments: what residents paid (debited on accrual, credited back on reversal)
 * - accrued:   a party's share of a placed order, not yet delivered
 * - earned:    a party's share of a handed-over order, payable
 * - paid_out:  earned money settled to a household through a statement
 */
const LedgerEntry = model
  .define("ledger_entry", {
    id: model.id({ prefix: "le" }).primaryKey(),
    transaction_key: model.text(),
    idempotency_key: model.text(),
    kind: model.enum(["accrual", "earning", "reversal", "settlement"]),
    account: model.enum(["resident_payments", "accrued", "earned", "paid_out"]),
    direction: model.enum(["debit", "credit"]),
    amount: model.number(),
    currency_code: model.text().default("cny"),
    party_type: model.enum(["household", "cooperative", "property_office", "platform"]).nullable(),
    party_id: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    product_id: model.text().nullable(),
    policy_id: model.text().nullable(),
    policy_version: model.number().nullable(),
    source: model.text(),
    reason: model.text().nullable(),
    occurred_at: model.dateTime(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["transaction_key"] },
    { on: ["order_id", "line_item_id"] },
    { on: ["party_type", "party_id", "account"] },
    { on: ["occurred_at"] },
  ])
  .checks([{ name: "ledger_entry_amount_positive", expression: (columns) => `${columns.amount} > 0` }])

export default LedgerEntry
