import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { AdminGenerateStatements, AdminListStatementsQuery, AdminMarkStatementPaid } from "./validators"

export const adminStatementsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/statements",
    methods: ["GET"],
    middlewares: [validateQuery(AdminListStatementsQuery)],
  },
  {
    matcher: "/admin/statements/generate",
    methods: ["POST"],
    middlewares: [validateBody(AdminGenerateStatements)],
  },
  {
    matcher: "/admin/statements/:id/payment",
    methods: ["POST"],
    middlewares: [validateBody(AdminMarkStatementPaid)],
  },
]
