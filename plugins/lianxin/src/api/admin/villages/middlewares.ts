import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { listVillagesQueryConfig, retrieveVillageQueryConfig } from "./query-config"
import { AdminCreateVillage, AdminListVillagesQuery, AdminUpdateVillage } from "./validators"
import { NoParams } from "../../utils/no-params"

export const adminVillagesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/villages",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListVillagesQuery, listVillagesQueryConfig)],
  },
  {
    matcher: "/admin/villages",
    methods: ["POST"],
    middlewares: [validateBody(AdminCreateVillage), validateAndTransformQuery(NoParams, retrieveVillageQueryConfig)],
  },
  {
    matcher: "/admin/villages/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(NoParams, retrieveVillageQueryConfig)],
  },
  {
    matcher: "/admin/villages/:id",
    methods: ["POST"],
    middlewares: [validateBody(AdminUpdateVillage), validateAndTransformQuery(NoParams, retrieveVillageQueryConfig)],
  },
]
