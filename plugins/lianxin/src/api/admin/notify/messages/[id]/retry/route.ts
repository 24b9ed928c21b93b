import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requeueNotifyMessageWorkflow } from "../../../../../../workflows/notify/inbox"

/** Sends a failed or dead message again: due now with three more attempts (the notify-deliver job sends it). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await requeueNotifyMessageWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({
    message: {
      id: result.id,
      status: result.status,
      next_attempt_at: result.next_attempt_at,
      max_attempts: result.max_attempts,
    },
  })
}
