import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerInbox } from "../../../utils/notify"
import { residentOf } from "../helpers"

/** 消息: the resident's in-app messages, newest first, with the unread count for the header. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await answerInbox(req, res, residentOf(req))
}
