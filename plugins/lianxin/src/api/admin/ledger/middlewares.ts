import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { AdminEarnOrder, AdminReverseOrderLines } from "./validators"

export const adminLedgerMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/ledger/orders/:id/earn",
    methods: ["POST"],
    middlewares: [validateBody(AdminEarnOrder)],
  },
  {
    matcher: "/admin/ledger/orders/:id/reversals",
    methods: ["POST"],
    middlewares: [validateBody(AdminReverseOrderLines)],
  },
]
