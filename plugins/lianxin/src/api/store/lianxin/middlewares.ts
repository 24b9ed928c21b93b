import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreGetLianxinStatus } from "./status/validators"

export const storeLianxinMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/lianxin/status",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetLianxinStatus, {})],
  },
]
