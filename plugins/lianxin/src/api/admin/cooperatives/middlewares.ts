import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { listCooperativesQueryConfig, retrieveCooperativeQueryConfig } from "./query-config"
import {
  AdminCreateCooperative,
  AdminGetCooperativeQuery,
  AdminListCooperativesQuery,
  AdminUpdateCooperative,
} from "./validators"

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
      validateAndTransformBody(AdminCreateCooperative),
      validateAndTransformQuery(AdminGetCooperativeQuery, retrieveCooperativeQueryConfig),
    ],
  },
  {
    matcher: "/admin/cooperatives/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetCooperativeQuery, retrieveCooperativeQueryConfig)],
  },
  {
    matcher: "/admin/cooperatives/:id",
    methods: ["POST"],
    middlewares: [
      validateAndTransformBody(AdminUpdateCooperative),
      validateAndTransformQuery(AdminGetCooperativeQuery, retrieveCooperativeQueryConfig),
    ],
  },
]
