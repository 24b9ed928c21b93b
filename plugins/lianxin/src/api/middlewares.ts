import { defineMiddlewares } from "@medusajs/framework/http"
import { storeLianxinMiddlewares } from "./store/lianxin/middlewares"

// Each route area keeps its middlewares beside its routes; this file only
// composes them.
export default defineMiddlewares({
  routes: [...storeLianxinMiddlewares],
})
