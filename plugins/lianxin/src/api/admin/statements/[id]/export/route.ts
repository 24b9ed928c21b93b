import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToYuanText, toCsv } from "../../../../../utils/csv"
import { shanghaiDate } from "../../../../../utils/periods"
import { statementWithLines } from "../../helpers"

/** The statement as CSV for the cooperative's accountant: one row per order line, amounts in yuan. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const s = await statementWithLines(req.scope, req.params.id)
  const csv = toCsv(
    ["对账单", "农户编号", "周期开始", "周期结束", "订单", "订单行", "商品", "金额（元）", "记账日期"],
    s.lines.map((l) => [
      s.id,
      s.household?.code ?? s.household_id,
      shanghaiDate(new Date(s.period_start)),
      shanghaiDate(new Date(s.period_end)),
      l.order_id,
      l.line_item_id,
      l.product_title,
      fenToYuanText(l.amount),
      shanghaiDate(new Date(l.occurred_at)),
    ])
  )
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${s.id}.csv"`)
  res.send(csv)
}
