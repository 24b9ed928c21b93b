import {
  type AuthenticatedMedusaRequest,
  authenticate,
  type MedusaNextFunction,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { InboxQuery, MarkReadBody, PreferenceBody } from "../utils/notify"
import { validateBody } from "../utils/validate-body"
import { validateQuery } from "../utils/validate-query"
import { staffContext } from "./helpers"
import { StaffCounterQuery, StaffListHouseholdsQuery, StaffRegisterHousehold } from "./households/validators"
import { StaffCreateListing, StaffListListingsQuery } from "./listings/validators"
import {
  BatchListQuery,
  ManifestQuery,
  PageQuery,
  StaffCheckInBody,
  StaffDisposalBody,
  StaffHandoverBody,
  StaffVerifyBody,
} from "./validators"
import { NoParams } from "../utils/no-params"

/**
 * A deactivated staff member is refused (401) before their request is
 * validated, as when the handlers checked both; the context is kept for the
 * handler (staffContext looks up once per request).
 */
async function activeStaffOnly(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await staffContext(req)
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Every staff route needs a pickup_staff session or bearer token of an active staff member; what they may touch is
 * checked per route. These two have no methods, so Medusa runs them before the per-route validation below.
 */
export const pickupStaffMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/pickup-staff*",
    middlewares: [authenticate("pickup_staff", ["session", "bearer"]), activeStaffOnly],
  },
  { matcher: "/pickup-staff/points/:point_id/today", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  { matcher: "/pickup-staff/points/:point_id/batches", methods: ["GET"], middlewares: [validateQuery(BatchListQuery)] },
  {
    matcher: "/pickup-staff/points/:point_id/uncollected",
    methods: ["GET"],
    middlewares: [validateQuery(PageQuery)],
  },
  {
    matcher: "/pickup-staff/points/:point_id/verify",
    methods: ["POST"],
    middlewares: [validateBody(StaffVerifyBody)],
  },
  { matcher: "/pickup-staff/batches/:id/arrive", methods: ["POST"], middlewares: [validateBody(NoParams)] },
  { matcher: "/pickup-staff/batches/:id/check-in", methods: ["POST"], middlewares: [validateBody(StaffCheckInBody)] },
  { matcher: "/pickup-staff/batches/:id/manifest", methods: ["GET"], middlewares: [validateQuery(ManifestQuery)] },
  {
    matcher: "/pickup-staff/assignments/:id/handover",
    methods: ["POST"],
    middlewares: [validateBody(StaffHandoverBody)],
  },
  {
    matcher: "/pickup-staff/assignments/:id/disposal",
    methods: ["POST"],
    middlewares: [validateBody(StaffDisposalBody)],
  },
  { matcher: "/pickup-staff/households", methods: ["GET"], middlewares: [validateQuery(StaffListHouseholdsQuery)] },
  { matcher: "/pickup-staff/households", methods: ["POST"], middlewares: [validateBody(StaffRegisterHousehold)] },
  {
    matcher: "/pickup-staff/households/:id/counter",
    methods: ["GET"],
    middlewares: [validateQuery(StaffCounterQuery)],
  },
  { matcher: "/pickup-staff/listings", methods: ["GET"], middlewares: [validateQuery(StaffListListingsQuery)] },
  { matcher: "/pickup-staff/listings", methods: ["POST"], middlewares: [validateBody(StaffCreateListing)] },
  { matcher: "/pickup-staff/notify/messages", methods: ["GET"], middlewares: [validateQuery(InboxQuery)] },
  { matcher: "/pickup-staff/notify/messages/read", methods: ["POST"], middlewares: [validateBody(MarkReadBody)] },
  { matcher: "/pickup-staff/notify/preferences", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  { matcher: "/pickup-staff/notify/preferences", methods: ["POST"], middlewares: [validateBody(PreferenceBody)] },
]
