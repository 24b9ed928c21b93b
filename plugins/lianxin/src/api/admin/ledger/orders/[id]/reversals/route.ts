import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reverseOrderRevenueWorkflow } from "../../../../../../workflows/revenue-share/reverse-order-revenue"
import type { AdminReverseOrderLinesType } from "../../../validators"

/** Reverses what was refunded or not delivered; the same reference twice reverses once. */
export async function POST(req: AuthenticatedMedusaRequest<AdminReverseOrderLinesType>, res: MedusaResponse) {
  const { result } = await reverseOrderRevenueWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      reversals: req.validatedBody.reversals,
      reason: req.validatedBody.reason,
      reference: req.validatedBody.reference,
      source: `admin:${req.auth_context.actor_id}`,
    },
  })
  res.json({ ledger: result })
}
