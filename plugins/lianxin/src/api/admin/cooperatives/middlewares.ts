import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { listCooperativesQueryConfig, retrieveCooperativeQueryConfig } from "./query-config"
import { AdminCreateCooperative, AdminListCooperativesQuery, AdminUpdateCooperative } from "./validators"
import { NoParams } from "../../utils/no-params"

export const adminCooperativesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/cooperatives",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListCooperativesQuery, listCooperativesQueryConfig)],
  },
  {
    matcher: "/admin/cooperatives",
    methods: ["POST"],
    middlewares: [
      validateBody(AdminCreateCooperative),
      validateAndTransformQuery(NoParams, retrieveCooperativeQueryConfig),
    ],
  },
  {
    matcher: "/admin/cooperatives/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(NoParams, retrieveCooperativeQueryConfig)],
  },
  {
    matcher: "/admin/cooperatives/:id",
    methods: ["POST"],
    middlewares: [
      validateBody(AdminUpdateCooperative),
      validateAndTransformQuery(NoParams, retrieveCooperativeQueryConfig),
    ],
  },
]
