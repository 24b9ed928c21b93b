import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { AdminCreateSplitPolicy, AdminListSplitPoliciesQuery } from "./validators"

export const adminSplitPoliciesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/split-policies",
    methods: ["GET"],
    middlewares: [validateQuery(AdminListSplitPoliciesQuery)],
  },
  {
    matcher: "/admin/split-policies",
    methods: ["POST"],
    middlewares: [validateBody(AdminCreateSplitPolicy)],
  },
]
