import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listings } from "../../pickup-staff/households/office"
import { listingViews } from "../../pickup-staff/listings/helpers"
import type { AdminListListingsQueryType } from "./validators"

/** The approval queue: listings by status (pending review first by default), oldest first so none waits forever. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListListingsQueryType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const [rows, count] = await listings(req).listAndCountListings(
    { status },
    {
      take: limit,
      skip: offset,
      order: { created_at: status === "pending_review" ? "ASC" : "DESC" },
      relations: ["harvest_batches"],
    }
  )
  res.json({ listings: await listingViews(req, rows), count, offset, limit })
}
