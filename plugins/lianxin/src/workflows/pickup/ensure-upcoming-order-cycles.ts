import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMissingDailyCyclesStep } from "./steps/create-missing-daily-cycles"

/** Keeps the daily rhythm open: there is always a cycle residents can order into. */
export const ensureUpcomingOrderCyclesWorkflowId = "ensure-upcoming-order-cycles"

export const ensureUpcomingOrderCyclesWorkflow = createWorkflow(
  ensureUpcomingOrderCyclesWorkflowId,
  (input: { now?: Date | string; days?: number }) => new WorkflowResponse(createMissingDailyCyclesStep(input))
)
