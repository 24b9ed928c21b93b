import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewListingWorkflow } from "../../../../../workflows/listing/review-listing"
import { listings } from "../../../../pickup-staff/households/office"
import { listingViews } from "../../../../pickup-staff/listings/helpers"

/** Approves a listing pending review: its product is published. 409 from any other state. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await reviewListingWorkflow(req.scope).run({
    input: { listing_id: req.params.id, decision: "approve", reviewed_by: req.auth_context.actor_id },
  })
  const rows = await listings(req).listListings({ id: req.params.id }, { take: 1, relations: ["harvest_batches"] })
  const [listing] = await listingViews(req, rows)
  res.json({ listing })
}
