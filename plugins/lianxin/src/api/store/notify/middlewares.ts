import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { InboxQuery, MarkReadBody, PreferenceBody } from "../../utils/notify"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { NoParams } from "../../utils/no-params"

/** 消息 and message settings belong to a signed-in resident (authentication runs first: it has no methods). */
export const storeNotifyMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/notify*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/notify/messages", methods: ["GET"], middlewares: [validateQuery(InboxQuery)] },
  { matcher: "/store/notify/messages/read", methods: ["POST"], middlewares: [validateBody(MarkReadBody)] },
  { matcher: "/store/notify/preferences", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  { matcher: "/store/notify/preferences", methods: ["POST"], middlewares: [validateBody(PreferenceBody)] },
]
