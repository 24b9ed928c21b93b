import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { AdminApproveListing, AdminListListingsQuery, AdminRejectListing } from "./validators"

/** The listing approval queue and its two decisions. */
export const adminListingsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/listings", methods: ["GET"], middlewares: [validateQuery(AdminListListingsQuery)] },
  { matcher: "/admin/listings/:id/approve", methods: ["POST"], middlewares: [validateBody(AdminApproveListing)] },
  { matcher: "/admin/listings/:id/reject", methods: ["POST"], middlewares: [validateBody(AdminRejectListing)] },
]
