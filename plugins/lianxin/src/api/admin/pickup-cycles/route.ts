import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createOrderCyclesWorkflow } from "../../../workflows/pickup/create-order-cycles"
import { parseOr400 } from "../../utils/zod-issues"
import { pickup } from "../../pickup-staff/helpers"
import { AdminCreateOrderCycle, AdminListQuery } from "../pickup-offices/validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseOr400(AdminListQuery, req.query)
  const [cycles, count] = await pickup(req).listAndCountOrderCycles({}, { take: q.limit, skip: q.offset, order: { resident_cutoff_at: "DESC" } })
  res.json({ order_cycles: cycles, count, offset: q.offset, limit: q.limit })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOr400(AdminCreateOrderCycle, req.body)
  const { result } = await createOrderCyclesWorkflow(req.scope).run({ input: { cycles: [body] } })
  res.status(201).json({ order_cycle: result[0] })
}
