import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { parseOr400 } from "./zod-issues"

/**
 * Query validation for routes whose 400 must name the field and the rule
 * (zod-issues.ts). The parsed query is `req.validatedQuery`, as with Medusa's
 * validateAndTransformQuery, but without its field selection (`fields`,
 * `order`): use that one for routes that read with a query config.
 */
export function validateQuery<T extends z.ZodType>(schema: T) {
  return function validateRouteQuery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      // Typed per route by the handler: MedusaRequest<Body, z.infer<typeof schema>>.
      req.validatedQuery = parseOr400(schema, req.query) as MedusaRequest["validatedQuery"]
      next()
    } catch (e) {
      next(e)
    }
  }
}
