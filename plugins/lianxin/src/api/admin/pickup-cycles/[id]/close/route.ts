import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeOrderCycleWorkflow } from "../../../../../workflows/pickup/change-order-cycle"
import type { AdminCloseOrderCycleType } from "../../../pickup-offices/validators"

/** Ordering for the cycle ends now; residents with orders in it get a notice (cycle_changed). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCloseOrderCycleType>, res: MedusaResponse) {
  const { result } = await changeOrderCycleWorkflow(req.scope).run({
    input: { id: req.params.id, action: "close", data: {}, reason: req.validatedBody.reason ?? null },
  })
  res.json({ order_cycle: result })
}
