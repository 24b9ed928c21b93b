import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerInbox, type InboxQueryType } from "../../../utils/notify"
import { staffRecipient } from "../helpers"

/** The staff member's messages (listings reviewed, harvest lists frozen), for the top of the office portal. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, InboxQueryType>, res: MedusaResponse) {
  await answerInbox(req, res, await staffRecipient(req))
}
