import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateOrderCycleWorkflow } from "../../../../workflows/pickup/update-order-cycle"
import { parseOr400 } from "../../../utils/zod-issues"
import { AdminUpdateOrderCycle } from "../../pickup-offices/validators"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { canceled, ...rest } = parseOr400(AdminUpdateOrderCycle, req.body)
  const data: Record<string, unknown> = { ...rest }
  if (canceled !== undefined) data.canceled_at = canceled ? new Date() : null
  const { result } = await updateOrderCycleWorkflow(req.scope).run({ input: { id: req.params.id, data } })
  res.json({ order_cycle: result })
}
