import { z } from "@medusajs/framework/zod"
import { LISTING_STATUSES } from "../../../modules/listing"

export const AdminListListingsQuery = z
  .object({
    status: z
      .enum(LISTING_STATUSES, { message: "must be pending_review, approved or rejected" })
      .default("pending_review"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListListingsQueryType = z.infer<typeof AdminListListingsQuery>

export const AdminRejectListing = z
  .object({
    reason: z
      .string({ message: "is required: tell the office what to fix" })
      .trim()
      .min(1, "is required: tell the office what to fix")
      .max(500, "must be at most 500 characters"),
  })
  .strict()
export type AdminRejectListingType = z.infer<typeof AdminRejectListing>
