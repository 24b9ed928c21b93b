import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../../utils/validate-query"
import { validateBody } from "../../../../utils/validate-body"
import { AdminSetProductAttribution } from "./validators"
import { NoParams } from "../../../../utils/no-params"

export const adminProductAttributionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/products/:id/attribution",
    methods: ["GET"],
    middlewares: [validateQuery(NoParams)],
  },
  {
    matcher: "/admin/products/:id/attribution",
    methods: ["POST"],
    middlewares: [validateBody(AdminSetProductAttribution)],
  },
]
