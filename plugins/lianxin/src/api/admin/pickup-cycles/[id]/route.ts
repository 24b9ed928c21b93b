import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateOrderCycleWorkflow } from "../../../../workflows/pickup/update-order-cycle"
import type { AdminUpdateOrderCycleType } from "../../pickup-offices/validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateOrderCycleType>, res: MedusaResponse) {
  const { canceled, ...rest } = req.validatedBody
  const data: Record<string, unknown> = { ...rest }
  if (canceled !== undefined) data.canceled_at = canceled ? new Date() : null
  const { result } = await updateOrderCycleWorkflow(req.scope).run({ input: { id: req.params.id, data } })
  res.json({ order_cycle: result })
}
