import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHouseholdsWorkflow } from "../../../workflows/household/create-households"
import { refetchOne } from "./helpers"
import type { AdminCreateHouseholdType, AdminListHouseholdsQueryType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListHouseholdsQueryType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: households, metadata } = await query.graph({
    entity: "household",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { ...req.queryConfig.pagination, order: { code: "ASC" } },
  })
  res.json({ households, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateHouseholdType>, res: MedusaResponse) {
  const { result } = await createHouseholdsWorkflow(req.scope).run({ input: { households: [req.validatedBody] } })
  const household = await refetchOne(req.scope, "household", result[0].id, req.queryConfig.fields)
  res.status(201).json({ household })
}
