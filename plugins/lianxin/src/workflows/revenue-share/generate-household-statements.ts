import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../modules/revenue-share"
import type RevenueShareModuleService from "../../modules/revenue-share/service"

const generateStatementsStep = createStep(
  "generate-statements-step",
  async (input: { period_start: Date | string; period_end: Date | string }, { container }) => {
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const ids = await service.generateStatements({
      start: new Date(input.period_start),
      end: new Date(input.period_end),
    })
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const lines = await service.listStatementLines({ statement_id: ids }, { select: ["id"] })
    await service.deleteStatementLines(lines.map((l) => l.id))
    await service.deleteStatements(ids)
  }
)

/** Statements for every household with earnings in the period (weekly by default); safe to run twice. */
export const generateHouseholdStatementsWorkflow = createWorkflow(
  "generate-household-statements",
  (input: { period_start: Date | string; period_end: Date | string }) => {
    const ids = generateStatementsStep(input)
    return new WorkflowResponse(ids)
  }
)
