import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { keyRotationStatus, runKeyRotation } from "../../../../workflows/security/rotate-keys"
import type { AdminRunKeyRotationType } from "./validators"

/** Which keys are current and loaded, and what still depends on an older one (decision 016). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ key_rotation: await keyRotationStatus(req.scope) })
}

/**
 * Re-encrypts now instead of waiting for the worker's rotate-keys job
 * (at most `max_batches` batches per request; run it again to continue).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRunKeyRotationType>, res: MedusaResponse) {
  const body = req.validatedBody
  const run = await runKeyRotation(req.scope, { batchSize: body.batch_size, maxBatches: body.max_batches })
  res.json({ key_rotation: run })
}
