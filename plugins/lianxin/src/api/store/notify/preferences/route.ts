import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type PreferenceBodyType, answerPreference } from "../../../utils/notify"
import { residentOf } from "../helpers"

/** The resident's channels (email, SMS; in-app always) and language for messages. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await answerPreference(req, res, residentOf(req))
}

export async function POST(req: AuthenticatedMedusaRequest<PreferenceBodyType>, res: MedusaResponse) {
  await answerPreference(req, res, residentOf(req), req.validatedBody)
}
