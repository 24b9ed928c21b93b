import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerInbox, type InboxQueryType } from "../../../utils/notify"
import { residentOf } from "../helpers"

/** 消息: the resident's in-app messages, newest first, with the unread count for the header. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, InboxQueryType>, res: MedusaResponse) {
  await answerInbox(req, res, residentOf(req))
}
