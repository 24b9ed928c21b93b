import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officeContext } from "../../households/office"
import { listingViews, ownListing } from "../helpers"

/** One of my offices' listings, with the operator's reason when rejected. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await officeContext(req)
  const row = await ownListing(req, ctx, req.params.id)
  const [listing] = await listingViews(req, [row])
  res.json({ listing })
}
