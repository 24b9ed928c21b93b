import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetLianxinStatus } from "./store/lianxin/status/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/lianxin/status",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreGetLianxinStatus, {})],
    },
  ],
})
