import { z } from "@medusajs/framework/zod"

export const StoreGetImpactQuery = z
  .object({
    group_by: z.enum(["province", "county", "village"]).optional(),
  })
  .strict()
export type StoreGetImpactQueryType = z.infer<typeof StoreGetImpactQuery>
