import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateSplitPolicy, AdminListSplitPoliciesQuery } from "./validators"

export const adminSplitPoliciesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/split-policies", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListSplitPoliciesQuery, {})] },
  { matcher: "/admin/split-policies", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateSplitPolicy)] },
]
