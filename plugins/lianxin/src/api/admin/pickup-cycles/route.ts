import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createOrderCyclesWorkflow } from "../../../workflows/pickup/create-order-cycles"
import { pickup } from "../../pickup-staff/helpers"
import type { AdminCreateOrderCycleType, AdminListQueryType } from "../pickup-offices/validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const [cycles, count] = await pickup(req).listAndCountOrderCycles(
    {},
    { take: q.limit, skip: q.offset, order: { resident_cutoff_at: "DESC" } }
  )
  res.json({ order_cycles: cycles, count, offset: q.offset, limit: q.limit })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateOrderCycleType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createOrderCyclesWorkflow(req.scope).run({ input: { cycles: [body] } })
  res.status(201).json({ order_cycle: result[0] })
}
