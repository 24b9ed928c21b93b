import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validate-query"
import { AdminListNotifyMessagesQuery } from "./validators"

/** Operators' message list (Medusa Admin → 通知). */
export const adminNotifyMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/notify/messages", methods: ["GET"], middlewares: [validateQuery(AdminListNotifyMessagesQuery)] },
]
