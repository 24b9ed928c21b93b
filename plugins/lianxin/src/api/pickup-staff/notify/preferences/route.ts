import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type PreferenceBodyType, answerPreference } from "../../../utils/notify"
import { staffRecipient } from "../helpers"

/** The staff member's email on/off and language for messages (SMS is not used for staff). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await answerPreference(req, res, await staffRecipient(req))
}

export async function POST(req: AuthenticatedMedusaRequest<PreferenceBodyType>, res: MedusaResponse) {
  await answerPreference(req, res, await staffRecipient(req), req.validatedBody)
}
