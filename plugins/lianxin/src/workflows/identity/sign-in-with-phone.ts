import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import type { VerifyOutcome } from "../../modules/one-time-code/service"
import { verifyOneTimeCodeStep } from "./steps/one-time-code"

/** The auth provider name of a mobile number's identity (provider identity entity_id = the 11-digit number). */
export const PHONE_AUTH_PROVIDER = "phone-otp"

export type SignInWithPhoneInput = { phone: string; code: string; now?: string }

export type SignInWithPhoneResult =
  | { ok: false; outcome: Exclude<VerifyOutcome, { ok: true }> }
  | { ok: true; auth_identity_id: string; customer_id: string; created: boolean }

type PhoneIdentity = { auth_identity_id: string; customer_id: string | null }

/** The number's auth identity, made the first time (compensation removes one made here). */
export const findOrCreatePhoneIdentityStep = createStep(
  "find-or-create-phone-identity",
  async (input: { phone: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [existing] = await auth.listAuthIdentities(
      { provider_identities: { provider: PHONE_AUTH_PROVIDER, entity_id: input.phone } },
      { relations: ["provider_identities"], take: 1 }
    )
    if (existing) {
      const customerId = (existing.app_metadata as Record<string, unknown> | null)?.customer_id
      return new StepResponse<PhoneIdentity, string | null>(
        {
          auth_identity_id: existing.id,
          customer_id: typeof customerId === "string" && customerId ? customerId : null,
        },
        null
      )
    }
    const created = await auth.createAuthIdentities({
      provider_identities: [{ provider: PHONE_AUTH_PROVIDER, entity_id: input.phone }],
    })
    return new StepResponse<PhoneIdentity, string | null>(
      { auth_identity_id: created.id, customer_id: null },
      created.id
    )
  },
  async (createdId, { container }) => {
    if (createdId) await container.resolve(Modules.AUTH).deleteAuthIdentities([createdId])
  }
)

/** The customer an identity names must still exist (a deleted one is not signed into). */
const checkPhoneCustomerStep = createStep("check-phone-customer", async (input: PhoneIdentity, { container }) => {
  if (!input.customer_id) return new StepResponse(null)
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { take: 1 })
  if (!customer)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "the account of this mobile number no longer exists")
  return new StepResponse(customer.id)
})

/**
 * Sign-in with mobile number and SMS code: the code is checked (and used)
 * first; then the number's auth identity (provider `phone-otp`) is found or
 * made, and the first time its customer is created (has_account, phone =
 * the number, no email) and named in the identity, as Medusa's own
 * registration does. A number is never joined to an existing customer whose
 * profile merely lists it: that would assume what was not proven. The token
 * is issued by the route with Medusa's own generator. Any failure after the
 * check rolls back what was made and reopens the code.
 */
export const signInWithPhoneWorkflow = createWorkflow("sign-in-with-phone", (input: SignInWithPhoneInput) => {
  const checkInput = transform({ input }, ({ input }) => ({
    purpose: "sign_in" as const,
    channel: "sms" as const,
    contact: input.phone,
    requester: null,
    code: input.code,
    now: input.now,
  }))
  const outcome = verifyOneTimeCodeStep(checkInput)
  const identity = when("phone-code-right", { outcome }, ({ outcome }) => outcome.ok).then(() => {
    const found = findOrCreatePhoneIdentityStep({ phone: input.phone })
    checkPhoneCustomerStep(found)
    return found
  })
  // (Medusa's when() cannot be nested: the first sign-in is a second condition on the identity.)
  const made = when("first-sign-in", { identity }, ({ identity }) => !!identity && !identity.customer_id).then(() => {
    const customersData = transform({ input }, ({ input }) => ({
      customersData: [{ phone: input.phone, has_account: true }],
    }))
    const customers = createCustomersWorkflow.runAsStep({ input: customersData })
    const customerId = transform({ customers }, ({ customers }) => customers[0].id as string)
    const authIdentityId = transform({ identity }, ({ identity }) => identity!.auth_identity_id)
    setAuthAppMetadataStep({ authIdentityId, actorType: "customer", value: customerId })
    return customerId
  })
  const account = transform({ identity, made }, ({ identity, made }) =>
    identity
      ? {
          auth_identity_id: identity.auth_identity_id,
          customer_id: (identity.customer_id ?? made) as string,
          created: !identity.customer_id,
        }
      : null
  )
  const result = transform(
    { outcome, account },
    ({ outcome, account }): SignInWithPhoneResult =>
      outcome.ok && account
        ? { ok: true, ...account }
        : { ok: false, outcome: outcome as Exclude<VerifyOutcome, { ok: true }> }
  )
  return new WorkflowResponse(result)
})
