import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pickup } from "../../../../pickup-staff/helpers"
import { sendManifest } from "../../../../pickup-staff/batches/[id]/manifest/route"
import type { AdminManifestQueryType } from "../../../pickup-offices/validators"

/** Operators see every batch's manifests. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminManifestQueryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const [batch] = await pickup(req).listPickupBatches({ id: req.params.id }, { take: 1 })
  if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, `batch ${req.params.id} was not found`)
  await sendManifest(req, res, batch, q)
}
