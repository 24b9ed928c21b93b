import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVENUE_SHARE_MODULE } from "../../../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../../../modules/revenue-share/service"

/** Every posting of an order and the resulting balances per line, account and party. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: RevenueShareModuleService = req.scope.resolve(REVENUE_SHARE_MODULE)
  const entries = await service.listLedgerEntries(
    { order_id: req.params.id },
    { order: { occurred_at: "ASC", id: "ASC" }, take: 5000 }
  )
  const balances = await service.lineBalances(req.params.id)
  res.json({ order_id: req.params.id, entries, balances })
}
