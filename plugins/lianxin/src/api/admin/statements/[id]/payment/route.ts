import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markStatementPaidWorkflow } from "../../../../../workflows/revenue-share/mark-statement-paid"
import { statementWithLines } from "../../helpers"
import type { AdminMarkStatementPaidType } from "../../validators"

/** Records the payment (cash, bank transfer or WeChat, with its reference); a statement is paid once. */
export async function POST(req: AuthenticatedMedusaRequest<AdminMarkStatementPaidType>, res: MedusaResponse) {
  await markStatementPaidWorkflow(req.scope).run({
    input: { statement_id: req.params.id, ...req.validatedBody, recorded_by: req.auth_context.actor_id },
  })
  res.json({ statement: await statementWithLines(req.scope, req.params.id) })
}
