import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { earnOrderRevenueWorkflow } from "../../../../../../workflows/revenue-share/earn-order-revenue"
import type { AdminEarnOrderType } from "../../../validators"

/** Operator action until the pickup point hands orders over itself: the lines become earned. */
export async function POST(req: AuthenticatedMedusaRequest<AdminEarnOrderType>, res: MedusaResponse) {
  const { result } = await earnOrderRevenueWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      line_item_ids: req.validatedBody.line_item_ids,
      source: `admin:${req.auth_context.actor_id}`,
    },
  })
  res.json({ ledger: result })
}
