import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGenerateStatements, AdminListStatementsQuery, AdminMarkStatementPaid } from "./validators"

export const adminStatementsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/statements", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListStatementsQuery, {})] },
  { matcher: "/admin/statements/generate", methods: ["POST"], middlewares: [validateAndTransformBody(AdminGenerateStatements)] },
  { matcher: "/admin/statements/:id/payment", methods: ["POST"], middlewares: [validateAndTransformBody(AdminMarkStatementPaid)] },
]
