import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { generateJwtTokenWithChecks } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"
import { PHONE_AUTH_PROVIDER, signInWithPhoneWorkflow } from "../../../../../workflows/identity/sign-in-with-phone"
import { claimOrdersWorkflow } from "../../../../../workflows/pickup/claim-orders"
import { clearContactTries, throttleOr429 } from "../../../../throttle"
import { refuseCode } from "../helpers"
import type { StorePhoneSignInType } from "../validators"

/**
 * Sign-in with mobile number and SMS code. A right code gives a Medusa
 * customer token (Medusa's own generator, as POST /auth/customer/:provider
 * does; the identity's provider is `phone-otp`); the first sign-in of a
 * number creates its customer. The code just proved control of the number,
 * so guest orders placed with it join the account (`claimed`). Wrong,
 * expired, used or locked codes: 401 with `code`; too many tries: 429.
 *
 * → 200 { token, customer_id, created, claimed }
 */
export async function POST(req: MedusaRequest<StorePhoneSignInType>, res: MedusaResponse) {
  const body = req.validatedBody
  const rules = await throttleOr429(req, res, "one_time_code_verify", { purpose: "sign_in", contact: body.phone })
  if (!rules) return
  const { result } = await signInWithPhoneWorkflow(req.scope).run({ input: { phone: body.phone, code: body.code } })
  if (!result.ok) return refuseCode(res, result.outcome)
  await clearContactTries(req, rules)

  const auth = req.scope.resolve(Modules.AUTH)
  const authIdentity = await auth.retrieveAuthIdentity(result.auth_identity_id, { relations: ["provider_identities"] })
  const issued = await generateJwtTokenWithChecks(req.scope, {
    authIdentity,
    actorType: "customer",
    authProvider: PHONE_AUTH_PROVIDER,
  })
  if (!issued.token || issued.mfa_required || issued.verification_required) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "this account needs another sign-in step that mobile sign-in does not offer"
    )
  }
  let claimed: string[] = []
  try {
    const { result: claim } = await claimOrdersWorkflow(req.scope).run({
      input: { customer_id: result.customer_id, contact: { channel: "sms", value: body.phone } },
    })
    claimed = claim.claimed
  } catch (error) {
    // Signed in all the same: the orders can be claimed again from the account.
    req.scope
      .resolve("logger")
      .warn(`[sign-in] guest orders of customer ${result.customer_id} not claimed: ${(error as Error).message}`)
  }
  res.setHeader("Cache-Control", "no-store")
  res.json({ token: issued.token, customer_id: result.customer_id, created: result.created, claimed })
}
