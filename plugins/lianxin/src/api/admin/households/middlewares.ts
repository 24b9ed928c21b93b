import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminListConsentsQuery, AdminRecordConsent } from "./[id]/consents/validators"
import { AdminListAccessLogsQuery } from "./[id]/registry/access-logs/validators"
import { AdminRevealRegistryField } from "./[id]/registry/reveal/validators"
import { AdminSetHouseholdRegistry } from "./[id]/registry/validators"
import { validateBody, validateSensitiveBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { listHouseholdsQueryConfig, retrieveHouseholdQueryConfig } from "./query-config"
import { AdminCreateHousehold, AdminListHouseholdsQuery, AdminUpdateHousehold } from "./validators"
import { NoParams } from "../../utils/no-params"

export const adminHouseholdsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/households",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListHouseholdsQuery, listHouseholdsQueryConfig)],
  },
  {
    matcher: "/admin/households",
    methods: ["POST"],
    middlewares: [
      validateBody(AdminCreateHousehold),
      validateAndTransformQuery(NoParams, retrieveHouseholdQueryConfig),
    ],
  },
  {
    matcher: "/admin/households/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(NoParams, retrieveHouseholdQueryConfig)],
  },
  {
    matcher: "/admin/households/:id",
    methods: ["POST"],
    middlewares: [
      validateBody(AdminUpdateHousehold),
      validateAndTransformQuery(NoParams, retrieveHouseholdQueryConfig),
    ],
  },
  {
    matcher: "/admin/households/:id/consents",
    methods: ["GET"],
    middlewares: [validateQuery(AdminListConsentsQuery)],
  },
  {
    matcher: "/admin/households/:id/consents",
    methods: ["POST"],
    middlewares: [validateBody(AdminRecordConsent)],
  },
  {
    matcher: "/admin/households/:id/registry",
    methods: ["GET"],
    middlewares: [validateQuery(NoParams)],
  },
  // Registry bodies are parsed by validateSensitiveBody, whose errors never quote the input.
  {
    matcher: "/admin/households/:id/registry",
    methods: ["POST"],
    bodyParser: false,
    middlewares: [validateSensitiveBody(AdminSetHouseholdRegistry)],
  },
  {
    matcher: "/admin/households/:id/registry/reveal",
    methods: ["POST"],
    bodyParser: false,
    middlewares: [validateSensitiveBody(AdminRevealRegistryField)],
  },
  {
    matcher: "/admin/households/:id/registry/access-logs",
    methods: ["GET"],
    middlewares: [validateQuery(AdminListAccessLogsQuery)],
  },
]
