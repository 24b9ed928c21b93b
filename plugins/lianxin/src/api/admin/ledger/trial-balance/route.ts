import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVENUE_SHARE_MODULE } from "../../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../../modules/revenue-share/service"

/** Σ debits, Σ credits and any unbalanced transaction: the ledger's own health check. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: RevenueShareModuleService = req.scope.resolve(REVENUE_SHARE_MODULE)
  res.json({ trial_balance: await service.trialBalance() })
}
