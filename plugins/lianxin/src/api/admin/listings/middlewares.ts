import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { AdminListListingsQuery, AdminRejectListing } from "./validators"
import { NoParams } from "../../utils/no-params"

/** The listing approval queue and its two decisions. */
export const adminListingsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/listings", methods: ["GET"], middlewares: [validateQuery(AdminListListingsQuery)] },
  { matcher: "/admin/listings/:id/approve", methods: ["POST"], middlewares: [validateBody(NoParams)] },
  { matcher: "/admin/listings/:id/reject", methods: ["POST"], middlewares: [validateBody(AdminRejectListing)] },
]
