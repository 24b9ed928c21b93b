import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REVENUE_SHARE_MODULE } from "../../modules/revenue-share"
import type RevenueShareModuleService from "../../modules/revenue-share/service"

export type CreateSplitPolicyVersionInput = {
  name: string
  scope: "global" | "category" | "cooperative" | "household"
  scope_id?: string | null
  household_bp: number
  cooperative_bp: number
  property_office_bp: number
  platform_bp: number
  created_by?: string | null
  note?: string | null
}

/**
 * Writes a new policy version. Versions are append-only, so there is nothing
 * to undo in place: the compensation writes the previous shares again as a
 * newer version (or, for a scope's first version, the caller's mistake stays
 * visible as history — versions are never deleted).
 */
const createSplitPolicyVersionStep = createStep(
  "create-split-policy-version-step",
  async (input: CreateSplitPolicyVersionInput, { container }) => {
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    const previous = (await service.currentPolicies()).find(
      (p) => p.scope === input.scope && (p.scope_id ?? null) === (input.scope_id ?? null)
    )
    const created = await service.createPolicyVersion(input)
    return new StepResponse(created, previous ?? null)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: RevenueShareModuleService = container.resolve(REVENUE_SHARE_MODULE)
    await service.createPolicyVersion({ ...previous, note: "restored by workflow compensation" })
  }
)

export const createSplitPolicyVersionWorkflow = createWorkflow(
  "create-split-policy-version",
  (input: CreateSplitPolicyVersionInput) => {
    const policy = createSplitPolicyVersionStep(input)
    return new WorkflowResponse(policy)
  }
)
