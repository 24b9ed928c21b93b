import { defineMiddlewares } from "@medusajs/framework/http"
import { storeLianxinMiddlewares } from "./store/lianxin/middlewares"
import { adminCooperativesMiddlewares } from "./admin/cooperatives/middlewares"
import { adminHouseholdsMiddlewares } from "./admin/households/middlewares"
import { adminProductAttributionMiddlewares } from "./admin/products/[id]/attribution/middlewares"
import { adminVillagesMiddlewares } from "./admin/villages/middlewares"
import { storeHouseholdsMiddlewares } from "./store/households/middlewares"

// Each route area keeps its middlewares beside its routes; this file only
// composes them.
export default defineMiddlewares({
  routes: [
    ...storeLianxinMiddlewares,
    ...adminVillagesMiddlewares,
    ...adminCooperativesMiddlewares,
    ...adminHouseholdsMiddlewares,
    ...adminProductAttributionMiddlewares,
    ...storeHouseholdsMiddlewares,
  ],
})
