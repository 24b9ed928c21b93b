import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingService } from "./service"

export const createListingStepId = "create-listing"

export type CreateListingRowInput = {
  household_id: string
  property_office_id: string
  product_id: string
  submitted_by: string
  title: string
  price_fen: number
  unit_label: string
  weight_g?: number | null
  stock: number
  perishability: "chilled" | "ambient"
  image_urls: string[]
  idempotency_key: string
}

/** The listing row, pending review (unique idempotency key: a racing double tap fails here). */
export const createListingStep = createStep(
  createListingStepId,
  async (input: CreateListingRowInput, { container }) => {
    const listing = await listingService(container).createListings({
      ...input,
      weight_g: input.weight_g ?? null,
      image_urls: input.image_urls as unknown as Record<string, unknown>,
      status: "pending_review",
    })
    return new StepResponse(listing, listing.id)
  },
  async (id, { container }) => {
    if (id) await listingService(container).deleteListings([id])
  }
)
