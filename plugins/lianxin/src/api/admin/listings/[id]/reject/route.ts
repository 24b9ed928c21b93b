import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewListingWorkflow } from "../../../../../workflows/listing/review-listing"
import { listings } from "../../../../pickup-staff/households/office"
import { listingViews } from "../../../../pickup-staff/listings/helpers"
import type { AdminRejectListingType } from "../../validators"

/** Rejects a listing pending review with a reason the office sees; the product stays a draft. 409 from any other state. */
export async function POST(req: AuthenticatedMedusaRequest<AdminRejectListingType>, res: MedusaResponse) {
  const { reason } = req.validatedBody
  await reviewListingWorkflow(req.scope).run({
    input: { listing_id: req.params.id, decision: "reject", reviewed_by: req.auth_context.actor_id, reason },
  })
  const rows = await listings(req).listListings({ id: req.params.id }, { take: 1, relations: ["harvest_batches"] })
  const [listing] = await listingViews(req, rows)
  res.json({ listing })
}
