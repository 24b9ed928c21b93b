import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPropertyOfficesWorkflow } from "../../../workflows/pickup/create-property-offices"
import { pickup } from "../../pickup-staff/helpers"
import type { AdminCreatePropertyOfficeType, AdminListQueryType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const [offices, count] = await pickup(req).listAndCountPropertyOffices(
    {},
    { take: q.limit, skip: q.offset, relations: ["points"], order: { created_at: "ASC" } }
  )
  res.json({ property_offices: offices, count, offset: q.offset, limit: q.limit })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreatePropertyOfficeType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createPropertyOfficesWorkflow(req.scope).run({ input: { offices: [body] } })
  res.status(201).json({ property_office: result[0] })
}
