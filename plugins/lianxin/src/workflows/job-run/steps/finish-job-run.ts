import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_RUN_MODULE, type JobRunModuleService } from "../../../modules/job-run"

export type FinishJobRunInput = { id: string; outcome: "done" | "failed"; error?: string | null }

/** Records how a claimed run ended; undone by marking it running again. */
export const finishJobRunStep = createStep(
  "finish-job-run",
  async (input: FinishJobRunInput, { container }) => {
    await container
      .resolve<JobRunModuleService>(JOB_RUN_MODULE)
      .finish(input.id, input.outcome, input.error?.slice(0, 2000) ?? null)
    return new StepResponse(undefined, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<JobRunModuleService>(JOB_RUN_MODULE).finish(id, "running", null)
  }
)
