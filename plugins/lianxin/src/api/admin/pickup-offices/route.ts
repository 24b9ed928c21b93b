import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPropertyOfficesWorkflow } from "../../../workflows/pickup/create-property-offices"
import { parseOr400 } from "../../utils/zod-issues"
import { pickup } from "../../pickup-staff/helpers"
import { AdminCreatePropertyOffice, AdminListQuery } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseOr400(AdminListQuery, req.query)
  const [offices, count] = await pickup(req).listAndCountPropertyOffices({}, { take: q.limit, skip: q.offset, relations: ["points"], order: { created_at: "ASC" } })
  res.json({ property_offices: offices, count, offset: q.offset, limit: q.limit })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(AdminCreatePropertyOffice, req.body)
  const { result } = await createPropertyOfficesWorkflow(req.scope).run({ input: { offices: [body] } })
  res.status(201).json({ property_office: result[0] })
}
