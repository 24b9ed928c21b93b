import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../../utils/validate-query"
import { validateBody } from "../../../../utils/validate-body"
import { AdminGetProductAttributionQuery, AdminSetProductAttribution } from "./validators"

export const adminProductAttributionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/products/:id/attribution",
    methods: ["GET"],
    middlewares: [validateQuery(AdminGetProductAttributionQuery)],
  },
  {
    matcher: "/admin/products/:id/attribution",
    methods: ["POST"],
    middlewares: [validateBody(AdminSetProductAttribution)],
  },
]
