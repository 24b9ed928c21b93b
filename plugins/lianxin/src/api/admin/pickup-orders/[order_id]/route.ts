import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type AdminPickupOrderResponse, readAdminPickupOrder } from "./read-model"

/**
 * GET /admin/pickup-orders/:order_id
 * Medusa Admin's order widget: the order's pickup point, cycle, status, handovers (with the staff member's name),
 * shortages and refunds (read-model.ts). Never the code: only when it was issued and its version.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPickupOrderResponse>) {
  res.json(await readAdminPickupOrder(req.scope, { order_id: req.params.order_id }))
}
