import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreEmptyQuery } from "../../../store/pickup-points/validators"
import { answerPreference, PreferenceBody } from "../../../utils/notify"
import { parseOr400 } from "../../../utils/zod-issues"
import { staffRecipient } from "../helpers"

/** The staff member's email on/off and language for messages (SMS is not used for staff). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  parseOr400(StoreEmptyQuery, req.query)
  await answerPreference(req, res, await staffRecipient(req))
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await answerPreference(req, res, await staffRecipient(req), parseOr400(PreferenceBody, req.body))
}
