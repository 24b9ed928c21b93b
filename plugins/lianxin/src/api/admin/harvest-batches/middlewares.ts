import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { AdminListHarvestBatchesQuery, AdminRecallHarvestBatch } from "./validators"
import { NoParams } from "../../utils/no-params"

/** The recall page's list and a batch's recall (decision 023). */
export const adminHarvestBatchesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/harvest-batches", methods: ["GET"], middlewares: [validateQuery(AdminListHarvestBatchesQuery)] },
  {
    matcher: "/admin/harvest-batches/:id/recall",
    methods: ["GET"],
    middlewares: [validateQuery(NoParams)],
  },
  {
    matcher: "/admin/harvest-batches/:id/recall",
    methods: ["POST"],
    middlewares: [validateBody(AdminRecallHarvestBatch)],
  },
]
