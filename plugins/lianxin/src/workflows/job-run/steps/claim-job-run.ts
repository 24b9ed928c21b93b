import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JOB_RUN_MODULE, type JobClaim, type JobRunModuleService } from "../../../modules/job-run"

export type ClaimJobRunInput = { job: string; scheduled_for: Date; runner: string }

/** Claims one tick of a scheduled job; undone by taking a claim this step made back (never another's). */
export const claimJobRunStep = createStep(
  "claim-job-run",
  async (input: ClaimJobRunInput, { container }) => {
    const claim = await container
      .resolve<JobRunModuleService>(JOB_RUN_MODULE)
      .claim(input.job, input.scheduled_for, input.runner)
    return new StepResponse<JobClaim, string | null>(claim, claim.claimed ? claim.id : null)
  },
  async (claimedId, { container }) => {
    if (!claimedId) return
    await container.resolve<JobRunModuleService>(JOB_RUN_MODULE).release(claimedId)
  }
)
