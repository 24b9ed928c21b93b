import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../utils/validate-body"
import { AdminGetProductAttributionQuery, AdminSetProductAttribution } from "./validators"

export const adminProductAttributionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/products/:id/attribution",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetProductAttributionQuery, { defaults: [], isList: false })],
  },
  {
    matcher: "/admin/products/:id/attribution",
    methods: ["POST"],
    middlewares: [validateBody(AdminSetProductAttribution)],
  },
]
