import { z } from "@medusajs/framework/zod"
import { attributionSharesProblem, WHOLE_BP } from "../../../../../utils/attribution-shares"

/**
 * Who produced the product: one household (`cooperative_id` null, one share
 * of 10000) or a cooperative with the households it buys from, in basis
 * points summing to 10000.
 */
export const AdminSetProductAttribution = z
  .object({
    cooperative_id: z.string().min(1).nullish(),
    shares: z
      .array(
        z
          .object({
            household_id: z.string().min(1),
            share_bp: z.number().int("must be a whole number of basis points").min(1).max(WHOLE_BP),
          })
          .strict()
      )
      .min(1, "at least one household is required")
      .max(50),
    note: z.string().trim().max(500).nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const problem = attributionSharesProblem(body.cooperative_id, body.shares)
    if (problem) {
      ctx.addIssue({ code: "custom", path: problem[0].split("."), message: `${problem[0]}: ${problem[1]}` })
    }
  })
export type AdminSetProductAttributionType = z.infer<typeof AdminSetProductAttribution>
