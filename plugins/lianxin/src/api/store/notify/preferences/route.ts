import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreEmptyQuery } from "../../pickup-points/validators"
import { answerPreference, PreferenceBody } from "../../../utils/notify"
import { parseOr400 } from "../../../utils/zod-issues"
import { residentOf } from "../helpers"

/** The resident's channels (email, SMS; in-app always) and language for messages. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  parseOr400(StoreEmptyQuery, req.query)
  await answerPreference(req, res, residentOf(req))
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await answerPreference(req, res, residentOf(req), parseOr400(PreferenceBody, req.body))
}
