import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ONE_TIME_CODE_MODULE } from "../../../modules/one-time-code"
import type OneTimeCodeModuleService from "../../../modules/one-time-code/service"
import type { IssueInput, VerifyInput, VerifyOutcome } from "../../../modules/one-time-code/service"

export const codes = (container: { resolve: (key: string) => unknown }) =>
  container.resolve(ONE_TIME_CODE_MODULE) as OneTimeCodeModuleService

/** A new code for the contact (older open ones stop working); compensation withdraws it. */
export const issueOneTimeCodeStep = createStep(
  "issue-one-time-code",
  async (input: Omit<IssueInput, "now"> & { now?: string }, { container }) => {
    const issued = await codes(container).issueCode({ ...input, now: input.now ? new Date(input.now) : undefined })
    return new StepResponse(
      { id: issued.id, code: issued.code, expires_at: issued.expires_at.toISOString() },
      issued.id
    )
  },
  async (id, { container }) => {
    if (id) await codes(container).withdrawCode(id)
  }
)

/**
 * Checks a code (counting the try, using it when right). A failed check is a
 * result, not an error: the counted try must stay. Compensation reopens a
 * code that was right, so a later failure does not cost the resident theirs.
 */
export const verifyOneTimeCodeStep = createStep(
  "verify-one-time-code",
  async (input: Omit<VerifyInput, "now"> & { now?: string }, { container }) => {
    const outcome: VerifyOutcome = await codes(container).verifyCode({
      ...input,
      now: input.now ? new Date(input.now) : undefined,
    })
    return new StepResponse(outcome, outcome.ok ? { id: outcome.id, attempts: outcome.attempts_before } : null)
  },
  async (used, { container }) => {
    if (used) await codes(container).reopenCode(used.id, used.attempts)
  }
)
