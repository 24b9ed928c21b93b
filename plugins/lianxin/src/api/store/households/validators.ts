// No parameter here may be called `locale`: Medusa 2.21 consumes that query parameter itself.
import { z } from "@medusajs/framework/zod"

export const StoreHouseholdParams = z
  .object({
    code: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{2,6}-\d{3,4}$/, "must look like YN-LC-007")),
  })
  .strict()
export type StoreHouseholdParamsType = z.infer<typeof StoreHouseholdParams>

export const StoreGetHouseholdQuery = z
  .object({
    product_limit: z.coerce.number().int().min(1).max(50).default(12),
  })
  .strict()
export type StoreGetHouseholdQueryType = z.infer<typeof StoreGetHouseholdQuery>
