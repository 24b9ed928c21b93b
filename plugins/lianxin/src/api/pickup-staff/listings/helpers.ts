import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { households, listings, notFound, type OfficeContext } from "../households/office"

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
export async function listingViews(req: MedusaRequest, rows: any[]) {
  if (!rows.length) return []
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const householdIds = [...new Set(rows.map((r) => r.household_id as string))]
  const productIds = [...new Set(rows.map((r) => r.product_id as string))]
  const [hh, { data: products }] = await Promise.all([
    households(req).listHouseholds({ id: householdIds }, { relations: ["village"], take: householdIds.length }),
    query.graph({
      entity: "product",
      fields: ["id", "title", "handle", "status", "thumbnail", "categories.id", "categories.name"],
      filters: { id: productIds },
    }),
  ])
  const householdById = new Map(hh.map((h: any) => [h.id as string, h]))
  const productById = new Map((products as any[]).map((p) => [p.id as string, p]))
  return rows.map((r) => {
    const h: any = householdById.get(r.household_id)
    const p: any = productById.get(r.product_id)
    return {
      id: r.id,
      status: r.status,
      title: r.title,
      price_fen: r.price_fen,
      unit_label: r.unit_label,
      weight_g: r.weight_g,
      stock: r.stock,
      perishability: r.perishability,
      image_urls: r.image_urls,
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
      harvest_batches: (r.harvest_batches ?? []).map((b: any) => ({
        id: b.id,
        harvested_on: b.harvested_on,
        quantity: b.quantity,
        quantity_unit: b.quantity_unit,
        certificate_no: b.certificate_no,
        certificate_photo_url: b.certificate_photo_url,
      })),
      reviewed_at: r.reviewed_at,
      reject_reason: r.reject_reason,
      created_at: r.created_at,
    }
  })
}
