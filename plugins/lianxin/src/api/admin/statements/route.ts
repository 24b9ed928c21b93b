import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVENUE_SHARE_MODULE } from "../../../modules/revenue-share"
import type RevenueShareModuleService from "../../../modules/revenue-share/service"
import type { AdminListStatementsQueryType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListStatementsQueryType>, res: MedusaResponse) {
  const service: RevenueShareModuleService = req.scope.resolve(REVENUE_SHARE_MODULE)
  const { household_id, limit, offset } = req.validatedQuery as AdminListStatementsQueryType
  const [statements, count] = await service.listAndCountStatements(household_id ? { household_id } : {}, {
    relations: ["payment"],
    order: { period_start: "DESC", household_id: "ASC" },
    take: limit,
    skip: offset,
  })
  res.json({ statements: statements.map((s) => ({ ...s, total: Number(s.total) })), count, offset, limit })
}
