import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeOrderCycleWorkflow } from "../../../../../workflows/pickup/change-order-cycle"
import type { AdminExtendOrderCycleType } from "../../../pickup-offices/validators"

/** A later cutoff (and pickup times); residents with orders in the cycle get a notice (cycle_changed). */
export async function POST(req: AuthenticatedMedusaRequest<AdminExtendOrderCycleType>, res: MedusaResponse) {
  const { reason, ...data } = req.validatedBody
  const { result } = await changeOrderCycleWorkflow(req.scope).run({
    input: { id: req.params.id, action: "extend", data, reason: reason ?? null },
  })
  res.json({ order_cycle: result })
}
