import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVENUE_SHARE_MODULE } from "../../../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../../../modules/revenue-share/service"

/** A household's money in the ledger: what is accrued, earned and unpaid, paid out, and its latest statements. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: RevenueShareModuleService = req.scope.resolve(REVENUE_SHARE_MODULE)
  const [balances, statements] = await Promise.all([
    service.householdBalances(req.params.id),
    service.listStatements(
      { household_id: req.params.id },
      { relations: ["payment"], order: { period_start: "DESC" }, take: 10 }
    ),
  ])
  res.json({
    earnings: {
      household_id: req.params.id,
      ...balances,
      statements: statements.map((s) => ({ ...s, total: Number(s.total) })),
    },
  })
}
