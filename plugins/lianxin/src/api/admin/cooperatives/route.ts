import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCooperativesWorkflow } from "../../../workflows/household/create-cooperatives"
import { refetchOne } from "../households/helpers"
import type { AdminCreateCooperativeType, AdminListCooperativesQueryType } from "./validators"

export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListCooperativesQueryType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: cooperatives, metadata } = await query.graph({
    entity: "cooperative",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { ...req.queryConfig.pagination, order: { name: "ASC" } },
  })
  res.json({ cooperatives, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateCooperativeType>, res: MedusaResponse) {
  const { result } = await createCooperativesWorkflow(req.scope).run({
    input: { cooperatives: [req.validatedBody] },
  })
  const cooperative = await refetchOne(req.scope, "cooperative", result[0].id, req.queryConfig.fields)
  res.status(201).json({ cooperative })
}
