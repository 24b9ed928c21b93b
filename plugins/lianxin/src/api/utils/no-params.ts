import { z } from "@medusajs/framework/zod"

/**
 * The query or body of a route that takes none: any field sent is refused with 400 naming it. One schema for every
 * such route, used as `validateQuery(NoParams)` or `validateBody(NoParams)` in its middlewares.ts.
 */
export const NoParams = z.object({}).strict()
