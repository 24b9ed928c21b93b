import { z } from "@medusajs/framework/zod"

/** POST /admin/harvest-batches/:id/recall: why, in words the residents are told. */
export const AdminRecallHarvestBatch = z
  .object({
    reason: z
      .string({ message: "is required: residents are told why" })
      .trim()
      .min(2, "is required: residents are told why")
      .max(200, "must be at most 200 characters"),
  })
  .strict()
export type AdminRecallHarvestBatchType = z.infer<typeof AdminRecallHarvestBatch>

/** GET /admin/harvest-batches: every harvest batch of every listing, newest harvest first. */
export const AdminListHarvestBatchesQuery = z
  .object({
    recalled: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
    listing_id: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListHarvestBatchesQueryType = z.infer<typeof AdminListHarvestBatchesQuery>
