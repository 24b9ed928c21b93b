import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminEarnOrder, AdminReverseOrderLines } from "./validators"

export const adminLedgerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/ledger/orders/:id/earn", methods: ["POST"], middlewares: [validateAndTransformBody(AdminEarnOrder)] },
  { matcher: "/admin/ledger/orders/:id/reversals", methods: ["POST"], middlewares: [validateAndTransformBody(AdminReverseOrderLines)] },
]
