import { defineMiddlewares, errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { refusalOf } from "../utils/checkout-refusal"
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

const medusaErrorHandler = errorHandler()

/**
 * Medusa's error handler, except for checkout refusals (utils/checkout-refusal):
 * those are answered 409 with their code, message and what to do next — also
 * when they come out of Medusa's own POST /store/carts/:id/complete, which
 * would otherwise make them a 400 (or, as a conflict, a generic text).
 */
export function lianxinErrorHandler(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const refusal = refusalOf(err)
  if (!refusal) return medusaErrorHandler(err as any, req, res, next)
  req.scope?.resolve("logger")?.info?.(`checkout refused (${refusal.code}) at ${req.path}: ${refusal.message_en}`)
  res.status(409).json({ type: "not_allowed", ...refusal })
}

// Each route area keeps its middlewares beside its routes; this file only
// composes them.
export default defineMiddlewares({
  errorHandler: lianxinErrorHandler,
  routes: [
    ...storeLianxinMiddlewares,
    ...adminVillagesMiddlewares,
    ...adminCooperativesMiddlewares,
    ...adminHouseholdsMiddlewares,
    ...adminProductAttributionMiddlewares,
    ...storeHouseholdsMiddlewares,
    ...adminSplitPoliciesMiddlewares,
    ...adminLedgerMiddlewares,
    ...adminStatementsMiddlewares,
    ...storeImpactMiddlewares,
    ...pickupStaffMiddlewares,
    ...storePickupMiddlewares,
    ...pickupStaffUploadMiddlewares,
  ],
})
