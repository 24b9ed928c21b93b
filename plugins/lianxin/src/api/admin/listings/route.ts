import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOr400 } from "../../utils/zod-issues"
import { listings } from "../../pickup-staff/households/office"
import { listingViews } from "../../pickup-staff/listings/helpers"
import { AdminListListingsQuery } from "./validators"

/** The approval queue: listings by status (pending review first by default), oldest first so none waits forever. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, limit, offset } = parseOr400(AdminListListingsQuery, req.query)
  const [rows, count] = await listings(req).listAndCountListings(
    { status },
    { take: limit, skip: offset, order: { created_at: status === "pending_review" ? "ASC" : "DESC" }, relations: ["harvest_batches"] }
  )
  res.json({ listings: await listingViews(req, rows), count, offset, limit })
}
