import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/** Validates (and normalises) path parameters; a bad one is a 400 naming it. */
export function validateParams<T extends z.ZodType<Record<string, string>>>(schema: T) {
  return function validateRouteParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const result = schema.safeParse(req.params)
    if (!result.success) {
      const issue = result.error.issues[0]
      return next(
        new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issue.path.join(".")}: ${issue.message}`)
      )
    }
    Object.assign(req.params, result.data)
    next()
  }
}
