import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { parseOr400 } from "./zod-issues"

export type WithValidatedParams<T> = { validatedParams: T }

/**
 * Validates (and normalises) path parameters; a bad one is a 400 naming it.
 * Express gives every route layer its own `req.params`, so the normalised
 * values travel as `req.validatedParams`.
 */
export function validateParams<T extends z.ZodType>(schema: T) {
  return function validateRouteParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      ;(req as MedusaRequest & WithValidatedParams<z.output<T>>).validatedParams = parseOr400(schema, req.params, 1)
      next()
    } catch (e) {
      next(e)
    }
  }
}
