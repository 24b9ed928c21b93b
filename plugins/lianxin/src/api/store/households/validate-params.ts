import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

export type WithValidatedParams<T> = { validatedParams: T }

/**
 * Validates (and normalises) path parameters; a bad one is a 400 naming it.
 * Express gives every route layer its own `req.params`, so the normalised
 * values travel as `req.validatedParams`.
 */
export function validateParams<T extends z.ZodType>(schema: T) {
  return function validateRouteParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const result = schema.safeParse(req.params)
    if (!result.success) {
      const issue = result.error.issues[0]
      return next(
        new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issue.path.join(".")}: ${issue.message}`),
      )
    }
    ;(req as MedusaRequest & WithValidatedParams<z.output<T>>).validatedParams = result.data
    next()
  }
}
