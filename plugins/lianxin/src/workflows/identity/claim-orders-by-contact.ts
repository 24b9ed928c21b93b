import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { VerifyOutcome } from "../../modules/one-time-code/service"
import { claimOrdersWorkflow } from "../pickup/claim-orders"
import { verifyOneTimeCodeStep } from "./steps/one-time-code"

export type ClaimOrdersByContactInput = {
  customer_id: string
  channel: "sms" | "email"
  contact: string
  code: string
  now?: string
}

export type ClaimOrdersByContactResult =
  | { ok: true; claimed: string[] }
  | { ok: false; outcome: Exclude<VerifyOutcome, { ok: true }> }

/**
 * The account proved control of a mobile number or email with a code sent
 * to it for this account (verify_contact): every guest order placed with that
 * contact joins the account. A failed claim reopens the code.
 */
export const claimOrdersByContactWorkflow = createWorkflow(
  "claim-orders-by-contact",
  (input: ClaimOrdersByContactInput) => {
    const checkInput = transform({ input }, ({ input }) => ({
      purpose: "verify_contact" as const,
      channel: input.channel,
      contact: input.contact,
      requester: input.customer_id,
      code: input.code,
      now: input.now,
    }))
    const outcome = verifyOneTimeCodeStep(checkInput)
    const claim = when("contact-code-right", { outcome }, ({ outcome }) => outcome.ok).then(() => {
      const claimInput = transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        contact: { channel: input.channel, value: input.contact },
      }))
      return claimOrdersWorkflow.runAsStep({ input: claimInput })
    })
    const result = transform(
      { outcome, claim },
      ({ outcome, claim }): ClaimOrdersByContactResult =>
        outcome.ok
          ? { ok: true, claimed: (claim as { claimed: string[] } | undefined)?.claimed ?? [] }
          : { ok: false, outcome }
    )
    return new WorkflowResponse(result)
  }
)
