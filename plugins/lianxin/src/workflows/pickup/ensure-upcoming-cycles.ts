import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { plannedDailyCycles } from "../../utils/pickup-rolling-cycles"
import { pickupService } from "./steps/service"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Creates the daily cycles that should be open and are not there yet
 * (matched by their `metadata.key`). Compensation deletes what it created.
 */
const createMissingDailyCyclesStep = createStep(
  "create-missing-daily-cycles",
  async (input: { now?: Date | string; days?: number }, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const planned = plannedDailyCycles(now, input.days ?? 3)
    const svc = pickupService(container)
    const existing = await svc.listOrderCycles(
      { resident_cutoff_at: { $gte: new Date(now.getTime() - DAY_MS) } },
      { take: 1000, select: ["id", "metadata"] }
    )
    const have = new Set(existing.map((c: any) => c.metadata?.key).filter(Boolean))
    const missing = planned.filter((p) => !have.has(p.key))
    if (!missing.length) return new StepResponse([] as Array<{ id: string }>, [] as string[])
    const created = await svc.createOrderCycles(
      missing.map(({ key, ...c }) => ({ ...c, metadata: { key, generated: true } }))
    )
    return new StepResponse(created as Array<{ id: string }>, (created as Array<{ id: string }>).map((c) => c.id))
  },
  async (ids, { container }) => {
    if (ids?.length) await pickupService(container).deleteOrderCycles(ids)
  }
)

/** Keeps the daily rhythm open: there is always a cycle residents can order into. */
export const ensureUpcomingOrderCyclesWorkflow = createWorkflow(
  "ensure-upcoming-order-cycles",
  (input: { now?: Date | string; days?: number }) => new WorkflowResponse(createMissingDailyCyclesStep(input))
)
