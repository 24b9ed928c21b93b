import { z } from "@medusajs/framework/zod"

export const AdminEarnOrder = z
  .object({ line_item_ids: z.array(z.string().min(1)).min(1).max(500).optional() })
  .strict()
export type AdminEarnOrderType = z.infer<typeof AdminEarnOrder>

export const AdminReverseOrderLines = z
  .object({
    reversals: z
      .array(
        z
          .object({
            line_item_id: z.string().min(1),
            amount_fen: z.number().int("must be a whole number of fen").positive(),
          })
          .strict()
      )
      .min(1)
      .max(500),
    reason: z.enum(["refund", "shortage", "cancellation"]),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w.:-]+$/, "reference may contain letters, digits and . _ : - only"),
  })
  .strict()
export type AdminReverseOrderLinesType = z.infer<typeof AdminReverseOrderLines>
