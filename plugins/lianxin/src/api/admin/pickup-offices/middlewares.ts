import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import {
  AdminBatchListQuery,
  AdminCloseOrderCycle,
  AdminCreateOrderCycle,
  AdminCreatePickupPoint,
  AdminCreatePickupStaff,
  AdminCreatePropertyOffice,
  AdminDisposalBody,
  AdminExtendOrderCycle,
  AdminListQuery,
  AdminManifestQuery,
  AdminResetStaffPassword,
  AdminUncollectedQuery,
  AdminUpdateOrderCycle,
  AdminUpdatePickupPoint,
  AdminUpdatePickupStaff,
  AdminUpdatePropertyOffice,
} from "./validators"
import { NoParams } from "../../utils/no-params"

/**
 * Bodies and queries of the pickup network's admin routes (docs/admin.md).
 * validateBody / validateQuery answer 400 naming the field and the rule
 * (api/utils/zod-issues.ts), as every body and query of the plugin.
 */
export const adminPickupMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/pickup-offices", methods: ["GET"], middlewares: [validateQuery(AdminListQuery)] },
  { matcher: "/admin/pickup-offices", methods: ["POST"], middlewares: [validateBody(AdminCreatePropertyOffice)] },
  { matcher: "/admin/pickup-offices/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdatePropertyOffice)] },
  { matcher: "/admin/pickup-points", methods: ["GET"], middlewares: [validateQuery(AdminListQuery)] },
  { matcher: "/admin/pickup-points", methods: ["POST"], middlewares: [validateBody(AdminCreatePickupPoint)] },
  { matcher: "/admin/pickup-points/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdatePickupPoint)] },
  { matcher: "/admin/pickup-cycles", methods: ["GET"], middlewares: [validateQuery(AdminListQuery)] },
  { matcher: "/admin/pickup-cycles", methods: ["POST"], middlewares: [validateBody(AdminCreateOrderCycle)] },
  { matcher: "/admin/pickup-cycles/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateOrderCycle)] },
  {
    matcher: "/admin/pickup-cycles/:id/close",
    methods: ["POST"],
    middlewares: [validateBody(AdminCloseOrderCycle)],
  },
  {
    matcher: "/admin/pickup-cycles/:id/extend",
    methods: ["POST"],
    middlewares: [validateBody(AdminExtendOrderCycle)],
  },
  { matcher: "/admin/pickup-staff", methods: ["GET"], middlewares: [validateQuery(AdminListQuery)] },
  { matcher: "/admin/pickup-staff", methods: ["POST"], middlewares: [validateBody(AdminCreatePickupStaff)] },
  { matcher: "/admin/pickup-staff/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdatePickupStaff)] },
  {
    matcher: "/admin/pickup-staff/:id/password",
    methods: ["POST"],
    middlewares: [validateBody(AdminResetStaffPassword)],
  },
  { matcher: "/admin/pickup-batches", methods: ["GET"], middlewares: [validateQuery(AdminBatchListQuery)] },
  { matcher: "/admin/pickup-batches/:id", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  {
    matcher: "/admin/pickup-batches/:id/manifest",
    methods: ["GET"],
    middlewares: [validateQuery(AdminManifestQuery)],
  },
  { matcher: "/admin/pickup-uncollected", methods: ["GET"], middlewares: [validateQuery(AdminUncollectedQuery)] },
  {
    matcher: "/admin/pickup-uncollected/:id/disposal",
    methods: ["POST"],
    middlewares: [validateBody(AdminDisposalBody)],
  },
  { matcher: "/admin/pickup-orders/:order_id", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  {
    matcher: "/admin/pickup-orders/:order_id/code",
    methods: ["POST"],
    middlewares: [validateBody(NoParams)],
  },
]
