import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pickup } from "../../../pickup-staff/helpers"
import { batchAdminView, statusCounts } from "../route"

/** One batch with its check-in result (shortages) and order counts; its manifests are under …/manifest. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [batch] = await pickup(req).listPickupBatches(
    { id: req.params.id },
    { take: 1, relations: ["point", "cycle", "shortages"] }
  )
  if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, `batch ${req.params.id} was not found`)
  const counts = await statusCounts(req, [batch.id])
  res.json({ pickup_batch: batchAdminView(batch, counts.get(batch.id) ?? {}) })
}
