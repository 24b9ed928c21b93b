import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateParams } from "../../utils/validate-params"
import { StoreGetHouseholdQuery, StoreHouseholdParams } from "./validators"

export const storeHouseholdsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/households/:code",
    methods: ["GET"],
    middlewares: [
      validateParams(StoreHouseholdParams),
      validateAndTransformQuery(StoreGetHouseholdQuery, { defaults: [], isList: false }),
    ],
  },
]
