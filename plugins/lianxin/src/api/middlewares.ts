import { defineMiddlewares } from "@medusajs/framework/http"
import { storeLianxinMiddlewares } from "./store/lianxin/middlewares"
import { adminCooperativesMiddlewares } from "./admin/cooperatives/middlewares"
import { adminHouseholdsMiddlewares } from "./admin/households/middlewares"
import { adminProductAttributionMiddlewares } from "./admin/products/[id]/attribution/middlewares"
import { adminVillagesMiddlewares } from "./admin/villages/middlewares"
import { storeHouseholdsMiddlewares } from "./store/households/middlewares"
import { adminLedgerMiddlewares } from "./admin/ledger/middlewares"
import { adminSplitPoliciesMiddlewares } from "./admin/split-policies/middlewares"
import { adminStatementsMiddlewares } from "./admin/statements/middlewares"
import { storeImpactMiddlewares } from "./store/impact/middlewares"
import { pickupStaffMiddlewares } from "./pickup-staff/middlewares"
import { storePickupMiddlewares } from "./store/pickup-points/middlewares"
import { pickupStaffUploadMiddlewares } from "./pickup-staff/uploads/middlewares"
import { storeNotifyMiddlewares } from "./store/notify/middlewares"
import { inputGuard } from "../utils/http-edge"
import { lianxinErrorHandler } from "./error-handler"
import { authThrottleMiddlewares } from "./throttle"
import { storeOwnershipMiddlewares } from "./store/ownership"
import { adminPickupMiddlewares } from "./admin/pickup-offices/middlewares"
import { adminHarvestBatchesMiddlewares } from "./admin/harvest-batches/middlewares"
import { adminListingsMiddlewares } from "./admin/listings/middlewares"
import { adminNotifyMiddlewares } from "./admin/notify/middlewares"
import { adminSecurityMiddlewares } from "./admin/security/middlewares"

// Each route area keeps its middlewares beside its routes; this file only
// composes them.
export default defineMiddlewares({
  // 400 instead of 500 for undecodable paths and values PostgreSQL refuses.
  errorHandler: lianxinErrorHandler,
  routes: [
    // The input guard (docs/security.md). Matcher "/" without methods: Medusa
    // registers it before every route, ours and its own, after the body parser.
    { matcher: "/", middlewares: [inputGuard] },
    // Rate limits on sign-in, registration and password reset for every actor (docs/security.md).
    ...authThrottleMiddlewares,
    // Orders and carts, ours and Medusa's, for their owners only (docs/security.md).
    ...storeOwnershipMiddlewares,
    ...storeLianxinMiddlewares,
    ...adminVillagesMiddlewares,
    ...adminCooperativesMiddlewares,
    ...adminHouseholdsMiddlewares,
    ...adminProductAttributionMiddlewares,
    ...storeHouseholdsMiddlewares,
    ...adminSplitPoliciesMiddlewares,
    ...adminLedgerMiddlewares,
    ...adminPickupMiddlewares,
    ...adminHarvestBatchesMiddlewares,
    ...adminListingsMiddlewares,
    ...adminNotifyMiddlewares,
    ...adminSecurityMiddlewares,
    ...adminStatementsMiddlewares,
    ...storeImpactMiddlewares,
    ...pickupStaffMiddlewares,
    ...storePickupMiddlewares,
    ...pickupStaffUploadMiddlewares,
    ...storeNotifyMiddlewares,
  ],
})
