import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validate-query"
import { StoreGetImpactQuery } from "./validators"

export const storeImpactMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/impact", methods: ["GET"], middlewares: [validateQuery(StoreGetImpactQuery)] },
]
