import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { harvestBatchView } from "../../../workflows/listing/trace-reads"
import { households, listings } from "../../pickup-staff/households/office"
import type { AdminListHarvestBatchesQueryType } from "./validators"

/**
 * The harvest batches (产地批次) of all listings for the Admin recall page:
 * the batch with its 合格证 and recall state, its listing and the household's
 * public name (never registry data). `recalled=true|false` filters; newest
 * harvest first.
 *
 * → { harvest_batches: [{ ...batch, recall_reason, listing, household }], count, offset, limit }
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListHarvestBatchesQueryType>,
  res: MedusaResponse
) {
  const q = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (q.recalled === "true") filters.recalled_at = { $ne: null }
  if (q.recalled === "false") filters.recalled_at = null
  if (q.listing_id) filters.listing_id = q.listing_id
  const [rows, count] = await listings(req).listAndCountHarvestBatches(filters, {
    take: q.limit,
    skip: q.offset,
    relations: ["listing"],
    order: { harvested_on: "DESC", created_at: "DESC" },
  })
  const householdIds = [...new Set(rows.map((b) => b.listing?.household_id).filter(Boolean) as string[])]
  const hh = householdIds.length
    ? await households(req).listHouseholds({ id: householdIds }, { relations: ["village"], take: householdIds.length })
    : []
  const householdById = new Map(hh.map((h) => [h.id, h]))
  res.setHeader("Cache-Control", "no-store")
  res.json({
    harvest_batches: rows.map((b) => {
      const h = b.listing?.household_id ? householdById.get(b.listing.household_id) : undefined
      return {
        ...harvestBatchView(b),
        recall_reason: b.recall_reason ?? null,
        listing: b.listing
          ? { id: b.listing.id, title: b.listing.title, status: b.listing.status, product_id: b.listing.product_id }
          : null,
        household: h
          ? { id: h.id, code: h.code, display_name: h.display_name, village: h.village?.name ?? null }
          : null,
      }
    }),
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
