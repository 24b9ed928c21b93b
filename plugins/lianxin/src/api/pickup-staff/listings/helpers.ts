import type { MedusaRequest } from "@medusajs/framework/http"
import type { InferTypeOf } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Listing } from "../../../modules/listing/models"
import { timestamp } from "../helpers"
import { households, listings, notFound, type OfficeContext } from "../households/office"
import type { StaffListing } from "../../contract"

/** A listing as the Listing Module lists it; `harvest_batches` when asked for as a relation. */
export type ListingRow = InferTypeOf<typeof Listing>

/** The listing's photos (a JSON column the create workflow fills with URLs). */
const imageUrls = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []

/** 404 unless the listing belongs to one of my offices. */
export async function ownListing(req: MedusaRequest, ctx: OfficeContext, id: string) {
  const [listing] = await listings(req).listListings({ id }, { take: 1, relations: ["harvest_batches"] })
  if (!listing || !ctx.officeIds.includes(listing.property_office_id)) throw notFound("listing", id)
  return listing
}

/**
 * Listings as staff and operators see them: the listing, its harvest batches,
 * the household's public name and the product's state. Never registry data.
 */
export async function listingViews(req: MedusaRequest, rows: ListingRow[]): Promise<StaffListing[]> {
  if (!rows.length) return []
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const householdIds = [...new Set(rows.map((r) => r.household_id))]
  const productIds = [...new Set(rows.map((r) => r.product_id))]
  const [hh, { data: products }] = await Promise.all([
    households(req).listHouseholds({ id: householdIds }, { relations: ["village"], take: householdIds.length }),
    query.graph({
      entity: "product",
      fields: ["id", "title", "handle", "status", "thumbnail", "categories.id", "categories.name"],
      filters: { id: productIds },
    }),
  ])
  const householdById = new Map(hh.map((h) => [h.id, h]))
  const productById = new Map(products.map((p) => [p.id, p]))
  return rows.map((r) => {
    const h = householdById.get(r.household_id)
    const p = productById.get(r.product_id)
    return {
      id: r.id,
      status: r.status,
      title: r.title,
      price_fen: r.price_fen,
      unit_label: r.unit_label,
      weight_g: r.weight_g,
      stock: r.stock,
      perishability: r.perishability,
      image_urls: imageUrls(r.image_urls),
      household: h ? { id: h.id, code: h.code, display_name: h.display_name, village: h.village?.name ?? null } : null,
      property_office_id: r.property_office_id,
      submitted_by: r.submitted_by,
      product: p
        ? {
            id: p.id,
            title: p.title,
            handle: p.handle,
            status: p.status,
            thumbnail: p.thumbnail,
            category: p.categories?.[0] ?? null,
          }
        : null,
      harvest_batches: (r.harvest_batches ?? []).map((b) => ({
        id: b.id,
        harvested_on: b.harvested_on,
        quantity: b.quantity,
        quantity_unit: b.quantity_unit,
        certificate_no: b.certificate_no,
        certificate_photo_url: b.certificate_photo_url,
      })),
      reviewed_at: r.reviewed_at ? timestamp(r.reviewed_at) : null,
      reject_reason: r.reject_reason,
      created_at: timestamp(r.created_at),
    }
  })
}
