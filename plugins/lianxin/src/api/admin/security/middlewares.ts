import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { AdminRunKeyRotation } from "./key-rotation/validators"
import { NoParams } from "../../utils/no-params"

/** Key rotation status and run (decision 016). */
export const adminSecurityMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/security/key-rotation", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  { matcher: "/admin/security/key-rotation", methods: ["POST"], middlewares: [validateBody(AdminRunKeyRotation)] },
]
