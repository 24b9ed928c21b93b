import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(statements.map((s) => s.household_id))]
  const { data: households } = ids.length
    ? await query.graph({ entity: "household", fields: ["id", "code", "display_name"], filters: { id: ids } })
    : { data: [] as Array<{ id: string; code: string; display_name: string }> }
  const byId = new Map(households.map((h: { id: string; code: string; display_name: string }) => [h.id, h]))
  res.json({
    statements: statements.map((s) => {
      const h = byId.get(s.household_id)
      return { ...s, total: Number(s.total), household: h ? { code: h.code, display_name: h.display_name } : null }
    }),
    count,
    offset,
    limit,
  })
}
