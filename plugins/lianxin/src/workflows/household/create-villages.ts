import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createVillagesStep } from "./steps/create-villages"
import type { CreateVillageInput } from "./types"

export const createVillagesWorkflowId = "create-villages"

export const createVillagesWorkflow = createWorkflow(
  createVillagesWorkflowId,
  (input: { villages: CreateVillageInput[] }) => {
    return new WorkflowResponse(createVillagesStep(input.villages))
  }
)
