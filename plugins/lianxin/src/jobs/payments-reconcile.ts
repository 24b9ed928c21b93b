import type { MedusaContainer } from "@medusajs/framework/types"
import { nowOf } from "../utils/clock"
import { reconcileOnlinePaymentsWorkflow } from "../workflows/payments/reconcile-online-payments"

/** Every 10 minutes: carts paid online whose webhook never placed the order (docs/payments.md). */
export default async function paymentsReconcile(container: MedusaContainer) {
  await reconcileOnlinePaymentsWorkflow(container).run({ input: { now: nowOf(container) } })
}

export const config = { name: "payments-reconcile", schedule: "*/10 * * * *" }
