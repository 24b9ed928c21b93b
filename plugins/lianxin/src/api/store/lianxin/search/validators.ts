// No parameter here may be called `locale`: Medusa 2.21 consumes that query parameter itself.
import { z } from "@medusajs/framework/zod"
import { PRICE_BANDS } from "../../../../utils/search-text"

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined))

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "best_selling"] as const

/** The search's deepest page stays within the index's MAX_TOTAL_HITS (pagination.test.ts). */
export const SEARCH_MAX_PAGE = 100
export const SEARCH_MAX_LIMIT = 48

export const StoreSearchProducts = z
  .object({
    q: z.string().max(200, "must be at most 200 characters").default(""),
    category: optionalText(100),
    province: optionalText(50),
    village: optionalText(50),
    price: z.enum(PRICE_BANDS.map((b) => b.key) as [string, ...string[]]).optional(),
    storage: z.enum(["chilled", "ambient"]).optional(),
    in_stock: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true")),
    sort: z.enum(SEARCH_SORTS).default("relevance"),
    page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
    limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(12),
  })
  .strict()

export type StoreSearchProductsType = z.infer<typeof StoreSearchProducts>

export const StoreSearchSuggest = z
  .object({
    q: z.string().max(200, "must be at most 200 characters").default(""),
    limit: z.coerce.number().int().min(1).max(10).default(6),
  })
  .strict()

export type StoreSearchSuggestType = z.infer<typeof StoreSearchSuggest>
