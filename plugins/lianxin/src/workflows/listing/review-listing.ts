import { ProductStatus } from "@medusajs/framework/utils"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { setListingReviewStep, validateListingPendingStep } from "./steps/review-listing"

export const reviewListingWorkflowId = "review-listing"

export type ReviewListingInput = {
  listing_id: string
  decision: "approve" | "reject"
  reviewed_by: string
  reason?: string | null
}

/**
 * A platform operator's decision on a listing pending review. Approval
 * publishes the product; rejection keeps it a draft and records the reason
 * for the staff who listed it.
 */
export const reviewListingWorkflow = createWorkflow(reviewListingWorkflowId, (input: ReviewListingInput) => {
  const { product_id } = validateListingPendingStep(
    transform({ input }, ({ input }) => ({ listing_id: input.listing_id }))
  )
  const listing = setListingReviewStep(
    transform({ input }, ({ input }) => ({
      listing_id: input.listing_id,
      status: input.decision === "approve" ? ("approved" as const) : ("rejected" as const),
      reviewed_by: input.reviewed_by,
      reject_reason: input.reason ?? null,
    }))
  )
  when("publish-approved-product", { input }, ({ input }) => input.decision === "approve").then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ product_id }, ({ product_id }) => ({
        selector: { id: product_id },
        update: { status: ProductStatus.PUBLISHED },
      })),
    })
  })
  const listingReviewed = createHook("listingReviewed", { listing })
  // After the commit: the office staff who listed it are told (notifications).
  emitEventStep({
    eventName: "listing.reviewed",
    data: transform({ input }, ({ input }) => ({ id: input.listing_id, decision: input.decision })),
  })
  return new WorkflowResponse(listing, { hooks: [listingReviewed] })
})
