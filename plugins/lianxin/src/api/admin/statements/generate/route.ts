import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previousWeek } from "../../../../utils/periods"
import { generateHouseholdStatementsWorkflow } from "../../../../workflows/revenue-share/generate-household-statements"
import type { AdminGenerateStatementsType } from "../validators"

/** Generates the statements of a period (default: last week, Asia/Shanghai); running it twice creates nothing new. */
export async function POST(req: AuthenticatedMedusaRequest<AdminGenerateStatementsType>, res: MedusaResponse) {
  const body = req.validatedBody
  const period =
    body.period_start && body.period_end ? { start: body.period_start, end: body.period_end } : previousWeek(new Date())
  const { result } = await generateHouseholdStatementsWorkflow(req.scope).run({
    input: { period_start: period.start, period_end: period.end },
  })
  res.json({ period_start: period.start, period_end: period.end, statement_ids: result })
}
