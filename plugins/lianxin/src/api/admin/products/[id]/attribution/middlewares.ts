import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
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
    middlewares: [validateAndTransformBody(AdminSetProductAttribution)],
  },
]
