import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createVillagesWorkflow } from "../../../workflows/household/create-villages"
import { refetchOne } from "../households/helpers"
import type { AdminCreateVillageType, AdminListVillagesQueryType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListVillagesQueryType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: villages, metadata } = await query.graph({
    entity: "village",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { ...req.queryConfig.pagination, order: { code: "ASC" } },
  })
  res.json({ villages, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateVillageType>, res: MedusaResponse) {
  const { result } = await createVillagesWorkflow(req.scope).run({ input: { villages: [req.validatedBody] } })
  const village = await refetchOne(req.scope, "village", result[0].id, req.queryConfig.fields)
  res.status(201).json({ village })
}
