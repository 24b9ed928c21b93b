import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validate-query"
import { validateParams } from "../../utils/validate-params"
import { StoreGetHouseholdQuery, StoreHouseholdParams } from "./validators"

export const storeHouseholdsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/households/:code",
    methods: ["GET"],
    middlewares: [validateParams(StoreHouseholdParams), validateQuery(StoreGetHouseholdQuery)],
  },
]
