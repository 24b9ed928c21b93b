import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
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
      validateBody(AdminCreateCooperative),
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
      validateBody(AdminUpdateCooperative),
      validateAndTransformQuery(AdminGetCooperativeQuery, retrieveCooperativeQueryConfig),
    ],
  },
]
