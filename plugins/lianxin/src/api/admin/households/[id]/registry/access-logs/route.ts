import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchOne } from "../../../helpers"
import type { AdminListAccessLogsQueryType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListAccessLogsQueryType>, res: MedusaResponse) {
  await refetchOne(req.scope, "household", req.params.id, ["id"])
  const { limit, offset } = req.validatedQuery as AdminListAccessLogsQueryType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: access_logs, metadata } = await query.graph({
    entity: "registry_access_log",
    fields: ["id", "field", "reason", "actor_id", "accessed_at"],
    filters: { household_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { accessed_at: "DESC" } },
  })
  res.json({ access_logs, count: metadata?.count ?? 0, offset, limit })
}
