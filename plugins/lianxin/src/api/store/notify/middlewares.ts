import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** 消息 and message settings belong to a signed-in resident. */
export const storeNotifyMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/notify*", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
