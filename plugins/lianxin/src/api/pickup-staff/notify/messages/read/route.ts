import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerMarkRead, type MarkReadBodyType } from "../../../../utils/notify"
import { staffRecipient } from "../../helpers"

export async function POST(req: AuthenticatedMedusaRequest<MarkReadBodyType>, res: MedusaResponse) {
  await answerMarkRead(req, res, await staffRecipient(req))
}
