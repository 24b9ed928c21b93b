/**
 * A household's counter view, from its own ledger entries (party_type
 * household) of the orders in a period: what each order line brings it net of
 * reversals, and how much of that is still accrued or already earned.
 * Settlements (earned → paid_out) do not change what was earned, so they are
 * left out. Amounts are integer fen.
 */
export type CounterLedgerEntry = {
  kind: "accrual" | "earning" | "reversal" | "settlement"
  account: "resident_payments" | "accrued" | "earned" | "paid_out"
  direction: "debit" | "credit"
  amount: number
  order_id: string | null
  line_item_id: string | null
  product_id: string | null
}

export type CounterLine = {
  order_id: string | null
  line_item_id: string | null
  product_id: string | null
  amount_fen: number
}

export type CounterTotals = { lines: CounterLine[]; accrued_fen: number; earned_fen: number }

const signed = (e: CounterLedgerEntry) => (e.direction === "credit" ? e.amount : -e.amount)

export function counterTotals(entries: readonly CounterLedgerEntry[]): CounterTotals {
  const lines = new Map<string, CounterLine>()
  let accrued = 0
  let earned = 0
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount)) throw new Error(`ledger amount ${e.amount} is not a whole number of fen`)
    if (e.kind === "settlement") continue
    if (e.account === "accrued") accrued += signed(e)
    else if (e.account === "earned") earned += signed(e)
    else continue
    // Earning moves money from accrued to earned on the same line: it nets to zero here.
    const key = `${e.order_id ?? ""}|${e.line_item_id ?? ""}`
    const line = lines.get(key) ?? {
      order_id: e.order_id,
      line_item_id: e.line_item_id,
      product_id: e.product_id,
      amount_fen: 0,
    }
    line.amount_fen += signed(e)
    line.product_id ??= e.product_id
    lines.set(key, line)
  }
  return { lines: [...lines.values()], accrued_fen: accrued, earned_fen: earned }
}
