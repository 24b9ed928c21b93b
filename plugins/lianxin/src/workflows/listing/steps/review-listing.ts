import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listingService } from "./service"

export const validateListingPendingStepId = "validate-listing-pending"

/** Approve and reject only a listing that waits for review: anything else is a 409. */
export const validateListingPendingStep = createStep(
  validateListingPendingStepId,
  async (input: { listing_id: string }, { container }) => {
    const [listing] = await listingService(container).listListings({ id: input.listing_id }, { take: 1 })
    if (!listing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `listing ${input.listing_id} was not found`)
    if (listing.status !== "pending_review") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `listing ${listing.id} is ${listing.status}: only a listing pending review can be approved or rejected`
      )
    }
    return new StepResponse({ product_id: listing.product_id })
  }
)

export const setListingReviewStepId = "set-listing-review"

export type ListingReviewInput = {
  listing_id: string
  status: "approved" | "rejected"
  reviewed_by: string
  reject_reason?: string | null
}

/** Writes the decision; the compensation puts the listing back to pending review. */
export const setListingReviewStep = createStep(
  setListingReviewStepId,
  async (input: ListingReviewInput, { container }) => {
    const service = listingService(container)
    const listing = await service.updateListings({
      id: input.listing_id,
      status: input.status,
      reviewed_by: input.reviewed_by,
      reviewed_at: new Date(),
      reject_reason: input.status === "rejected" ? (input.reject_reason ?? null) : null,
    })
    return new StepResponse(listing, input.listing_id)
  },
  async (id, { container }) => {
    if (id) {
      await listingService(container).updateListings({
        id,
        status: "pending_review",
        reviewed_by: null,
        reviewed_at: null,
        reject_reason: null,
      })
    }
  }
)
