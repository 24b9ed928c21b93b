// No parameter here may be called `locale`: Medusa 2.21 consumes that query parameter itself.
import { z } from "@medusajs/framework/zod"

export const CATALOG_SORTS = ["newest", "price_asc", "price_desc", "best_selling"] as const

/** The catalog's deepest page: its offset and limit stay within the index's MAX_TOTAL_HITS (pagination.test.ts). */
export const CATALOG_MAX_OFFSET = 5000
export const CATALOG_MAX_LIMIT = 48

export const StoreGetCatalog = z
  .object({
    category: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "must be a category handle (lower-case letters, digits and dashes)")
      .optional(),
    village: z.string().trim().min(1, "must not be empty").max(50, "must be at most 50 characters").optional(),
    sort: z.enum(CATALOG_SORTS).default("newest"),
    limit: z.coerce
      .number()
      .int()
      .min(1, "must be at least 1")
      .max(CATALOG_MAX_LIMIT, `must be at most ${CATALOG_MAX_LIMIT}`)
      .default(24),
    offset: z.coerce
      .number()
      .int()
      .min(0, "must not be negative")
      .max(CATALOG_MAX_OFFSET, `must be at most ${CATALOG_MAX_OFFSET}`)
      .default(0),
  })
  .strict()

export type StoreGetCatalogType = z.infer<typeof StoreGetCatalog>

/** A product handle as Medusa makes them (letters in any script, digits, `_` and `-`); anything else names no product. */
export const StoreCatalogProductParams = z
  .object({
    handle: z
      .string()
      .regex(/^[\p{L}\p{N}_-]{1,200}$/u, "must be a product handle (letters, digits, - and _, at most 200)"),
  })
  .strict()
export type StoreCatalogProductParamsType = z.infer<typeof StoreCatalogProductParams>
