import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerMarkRead, type MarkReadBodyType } from "../../../../utils/notify"
import { residentOf } from "../../helpers"

/** Marks messages read ({ids} or {all: true}); someone else's ids change nothing. */
export async function POST(req: AuthenticatedMedusaRequest<MarkReadBodyType>, res: MedusaResponse) {
  await answerMarkRead(req, res, residentOf(req))
}
