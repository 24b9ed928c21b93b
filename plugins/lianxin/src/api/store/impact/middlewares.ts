import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreGetImpactQuery } from "./validators"

export const storeImpactMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/impact", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreGetImpactQuery, {})] },
]
