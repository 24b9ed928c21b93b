import { z } from "@medusajs/framework/zod"

export const AdminRunKeyRotation = z
  .object({
    batch_size: z.number().int("must be a whole number").min(1).max(1000).default(200),
    max_batches: z.number().int("must be a whole number").min(1).max(100).default(20),
  })
  .strict()

export type AdminRunKeyRotationType = z.infer<typeof AdminRunKeyRotation>
